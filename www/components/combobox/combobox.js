// @ts-check
/**
 * @file An editable combobox with a list of suggestions, following the WAI-ARIA 1.2 combobox
 * pattern ("list autocomplete with manual selection"): the text input has `role="combobox"`,
 * `aria-expanded`, `aria-controls` pointing at a `role="listbox"`, and `aria-activedescendant`
 * naming the highlighted `role="option"`. DOM focus always stays on the input.
 *
 * Keys: ArrowDown / ArrowUp move through the suggestions (opening the list if needed, wrapping
 * at the ends), Enter picks the highlighted one, Escape closes the list (the text stays), Tab
 * closes it and moves on. A mouse click or tap on a suggestion picks it.
 */

import { h, replaceChildren } from '../../app/dom.js';

/**
 * @typedef {object} Suggestion
 * @property {string} id
 * @property {string} label        the preferred label, shown first
 * @property {string} matchedLabel the label the query matched
 * @property {boolean} matchedPreferred false when the match was on an alternative label
 * @property {'preferred'|'alternative'|'ukTitle'|'socTitle'} [matchedKind] what kind of name matched
 */

/**
 * @typedef {object} ComboboxOptions
 * @property {HTMLInputElement} input
 * @property {HTMLElement} listbox
 * @property {HTMLElement} message    visible text under the input ("No matching jobs…")
 * @property {HTMLElement} announcer  a visually hidden live region for screen readers
 * @property {(query: string) => Promise<Suggestion[]>} search
 * @property {(s: Suggestion) => void} onPick
 * @property {(error: Error) => void} onError
 * @property {() => boolean} [isReady] false while data is loading: a "wait" message is shown
 * @property {number} [debounceMs]
 * @property {{ one: string, many: string, hint: string }} [nouns] what is searched for, in
 *   messages: defaults to `{ one: 'job', many: 'jobs', hint: 'Check the spelling or try another name for your job.' }`
 */

export class Combobox {
  /** @param {ComboboxOptions} options */
  constructor(options) {
    this.input = options.input;
    this.listbox = options.listbox;
    this.message = options.message;
    this.announcer = options.announcer;
    this.search = options.search;
    this.onPick = options.onPick;
    this.onError = options.onError;
    this.isReady = options.isReady ?? (() => true);
    this.debounceMs = options.debounceMs ?? 80;
    this.nouns = options.nouns ?? { one: 'job', many: 'jobs', hint: 'Check the spelling or try another name for your job.' };

    /** @type {Suggestion[]} */
    this.suggestions = [];
    /** The query the current suggestions answer. */
    this.suggestionsFor = '';
    this.active = -1;
    /** Increases with every search, so that stale answers can be ignored. */
    this.seq = 0;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    /** @type {Promise<void> | null} */
    this.inFlight = null;

    this.input.addEventListener('input', () => this.scheduleSearch());
    this.input.addEventListener('keydown', (e) => this.onKeyDown(e));
    this.input.addEventListener('blur', () => this.close());
    this.input.addEventListener('focus', () => {
      if (this.suggestions.length && this.suggestionsFor === this.query()) this.open();
    });
    // Keep focus in the input while the pointer is pressed on the list, then pick on click.
    this.listbox.addEventListener('mousedown', (e) => e.preventDefault());
    this.listbox.addEventListener('click', (e) => {
      const option = /** @type {HTMLElement | null} */ (/** @type {Element} */ (e.target).closest('[role="option"]'));
      if (!option) return;
      const index = Number(option.dataset.index);
      if (Number.isInteger(index)) this.pick(index);
    });
  }

  /** The trimmed text in the input. */
  query() {
    return this.input.value.trim();
  }

  /** Is the list shown? */
  isOpen() {
    return this.input.getAttribute('aria-expanded') === 'true';
  }

  scheduleSearch() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.runSearch(); }, this.debounceMs);
  }

  /**
   * Search now for the input's text and show the answer, unless a newer search has started.
   * @returns {Promise<void>}
   */
  runSearch() {
    clearTimeout(this.timer);
    const query = this.query();
    const seq = ++this.seq;
    if (!query) {
      this.setSuggestions([], '');
      this.showMessage('');
      this.announce('');
      this.inFlight = null;
      return Promise.resolve();
    }
    if (!this.isReady()) this.showMessage('Suggestions will appear when the occupation data has loaded.');
    const run = this.search(query).then(
      (suggestions) => {
        if (seq !== this.seq) return; // a newer query has been typed: drop this stale answer
        this.setSuggestions(suggestions, query);
        if (suggestions.length === 0) {
          this.showMessage(`No matching ${this.nouns.many} for “${query}”. ${this.nouns.hint}`);
          this.announce(`No matching ${this.nouns.many}.`);
        } else {
          this.showMessage('');
          if (document.activeElement === this.input) this.open();
          this.announce(`${suggestions.length} matching ${suggestions.length === 1 ? this.nouns.one : this.nouns.many}. Use the up and down arrow keys to choose.`);
        }
      },
      (error) => {
        if (seq !== this.seq) return;
        this.setSuggestions([], '');
        this.showMessage('');
        this.onError(error);
      },
    );
    this.inFlight = run;
    return run;
  }

  /**
   * @param {Suggestion[]} suggestions
   * @param {string} query
   */
  setSuggestions(suggestions, query) {
    this.suggestions = suggestions;
    this.suggestionsFor = query;
    this.listbox.dataset.query = query; // which query these answer (used by the browser tests)
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
    replaceChildren(this.listbox, suggestions.map((s, i) => this.renderOption(s, i)));
    if (suggestions.length === 0) this.close();
  }

  /**
   * @param {Suggestion} s
   * @param {number} index
   */
  renderOption(s, index) {
    const alt = !s.matchedPreferred && s.matchedLabel && s.matchedLabel !== s.label;
    return h('li', {
      id: `${this.listbox.id}-option-${index}`,
      class: 'app-combobox__option',
      role: 'option',
      'aria-selected': 'false',
      'data-index': index,
      'data-id': s.id,
    },
    h('span', { class: 'app-combobox__label' }, s.label),
    alt && h('span', { class: 'app-combobox__matched' },
      h('span', { class: 'app-visually-hidden' }, ', '),
      s.matchedKind === 'ukTitle' || s.matchedKind === 'socTitle'
        ? `UK job title: ${s.matchedLabel}`
        : `matched: ${s.matchedLabel}`));
  }

  open() {
    if (!this.suggestions.length) return;
    this.listbox.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  close() {
    this.listbox.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.setActive(-1);
  }

  /** @param {number} index -1 for none */
  setActive(index) {
    const options = this.listbox.querySelectorAll('[role="option"]');
    options.forEach((el, i) => {
      const on = i === index;
      el.setAttribute('aria-selected', on ? 'true' : 'false');
      el.classList.toggle('app-combobox__option--active', on);
    });
    this.active = index;
    const el = index >= 0 ? options[index] : null;
    if (el) {
      this.input.setAttribute('aria-activedescendant', el.id);
      el.scrollIntoView({ block: 'nearest' });
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  }

  /** @param {number} delta +1 or -1 */
  move(delta) {
    const n = this.suggestions.length;
    if (!n) return;
    if (!this.isOpen()) {
      this.open();
      this.setActive(delta > 0 ? 0 : n - 1);
      return;
    }
    const next = this.active < 0 ? (delta > 0 ? 0 : n - 1) : (this.active + delta + n) % n;
    this.setActive(next);
  }

  /** @param {KeyboardEvent} e */
  onKeyDown(e) {
    if (e.altKey && e.key === 'ArrowDown') { e.preventDefault(); this.open(); return; }
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        this.move(1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        this.move(-1);
        break;
      case 'Enter':
        if (this.isOpen() && this.active >= 0) {
          e.preventDefault();
          this.pick(this.active);
        }
        // otherwise the form's submit handler runs
        break;
      case 'Escape':
        if (this.isOpen()) {
          e.preventDefault();
          this.close();
        }
        break;
      case 'Tab':
        this.close();
        break;
      default:
        break;
    }
  }

  /** @param {number} index */
  pick(index) {
    const s = this.suggestions[index];
    if (!s) return;
    clearTimeout(this.timer);
    this.seq++; // any search still running is now stale
    this.input.value = s.label;
    this.suggestionsFor = '';
    this.close();
    this.showMessage('');
    this.onPick(s);
  }

  /**
   * Enter pressed with nothing highlighted: search now; pick the answer if there is exactly
   * one, or one whose name is exactly what was typed; otherwise open the list to choose from.
   * @returns {Promise<void>}
   */
  async submit() {
    const query = this.query();
    if (!query) {
      const text = `Type the name of your ${this.nouns.one}, then choose it from the list.`;
      this.showMessage(text);
      this.announce(text);
      return;
    }
    if (this.suggestionsFor !== query) await this.runSearch();
    if (this.suggestionsFor !== query) return; // superseded, or failed
    const lower = query.toLowerCase();
    const exact = this.suggestions.findIndex((s) => s.label.toLowerCase() === lower);
    const index = this.suggestions.length === 1 ? 0 : exact;
    if (index >= 0) {
      this.pick(index);
    } else if (this.suggestions.length) {
      this.open();
      this.setActive(0);
      this.announce(`Choose your ${this.nouns.one} from the list. Use the up and down arrow keys, then press Enter.`);
    }
  }

  /** @param {string} text empty hides the message */
  showMessage(text) {
    this.message.textContent = text;
    this.message.hidden = !text;
  }

  /** @param {string} text */
  announce(text) {
    // Re-setting identical text is not re-announced; alternate a trailing no-break space.
    this.announcer.textContent = text && this.announcer.textContent === text ? `${text}\u00a0` : text;
  }
}
