// @ts-check
/**
 * @file "Tailor the moves": the green definition, viability and pay filters, and the skills a
 * worker adds (a skill combobox and removable chips). It owns what these say (`filters`,
 * `skills`) and tells the page when the moves should change.
 */

import { Combobox } from '../combobox/combobox.js';
import { greenName, greenValue, GREEN_KEYS } from '../moves/moves.js';
import { defaultFilters, parsePayFloor } from './filters.js';
import { formatCount } from '../../app/format.js';
import { byId, h, replaceChildren, setFieldError } from '../../app/dom.js';

/**
 * @typedef {import('./filters.js').Filters} Filters
 * @typedef {import('../current-job/current-job.js').SkillRef} SkillRef
 * @typedef {import('../moves/moves.js').Classification} Classification
 */

/** How many skill suggestions the combobox shows. */
const SUGGESTIONS = 10;


export class MoveControls {
  /**
   * @param {object} o
   * @param {import('../../app/planner-client.js').PlannerClient} o.planner
   * @param {() => boolean} o.isReady whether the planner answers yet
   * @param {(how: { focusErrors: boolean }) => void} o.onChange the filters or skills changed
   * @param {(errors: { text: string, href?: string }[]) => void} o.onError
   * @param {Filters} o.filters from the link the page was opened with
   * @param {string[]} o.skills skill ids from the link
   */
  constructor({ planner, isReady, onChange, onError, filters, skills }) {
    this.planner = planner;
    this.onChange = onChange;
    this.els = {
      details: /** @type {HTMLDetailsElement} */ (byId('moves-controls-details')),
      filtersForm: /** @type {HTMLFormElement} */ (byId('filters-form')),
      greenOptions: byId('green-options'),
      onlyGreen: /** @type {HTMLInputElement} */ (byId('only-green')),
      viability: /** @type {HTMLSelectElement} */ (byId('min-viability')),
      payFloor: /** @type {HTMLInputElement} */ (byId('pay-floor')),
      payFloorGroup: byId('pay-floor-group'),
      payFloorError: byId('pay-floor-error'),
      payRatio: /** @type {HTMLSelectElement} */ (byId('pay-ratio')),
      skillsForm: /** @type {HTMLFormElement} */ (byId('skills-form')),
      skillInput: /** @type {HTMLInputElement} */ (byId('skill')),
      skillListbox: byId('skill-listbox'),
      skillMessage: byId('skill-message'),
      skillAnnouncer: byId('skill-announcer'),
      chips: byId('skill-chips'),
      chipsHeading: byId('skill-chips-heading'),
    };
    /** @type {Filters} */
    this.filters = filters;
    /** @type {SkillRef[]} a skill from a link has its id as its label until it is named */
    this.skills = skills.map((id) => ({ id, label: id, kind: /** @type {'skill'} */ ('skill'), green: false }));
    // A link that changes the filters or adds skills shows the controls, so the change is seen.
    const d = defaultFilters();
    const changed = /** @type {(keyof Filters)[]} */ (Object.keys(d)).some((k) => d[k] !== filters[k]);
    if (changed || skills.length > 0) this.els.details.open = true;

    const els = this.els;
    els.chips.addEventListener('click', (e) => this.removeChip(e));
    this.skillCombobox = new Combobox({
      input: els.skillInput,
      listbox: els.skillListbox,
      message: els.skillMessage,
      announcer: els.skillAnnouncer,
      isReady,
      nouns: { one: 'skill', many: 'skills', hint: 'Try a shorter or different word, e.g. “wiring” or “welding”.' },
      search: (query) => planner.call('searchSkills', query, SUGGESTIONS),
      onPick: (s) => this.addSkill(/** @type {SkillRef} */ (/** @type {unknown} */ (s))),
      onError: (error) => onError([{ text: `Skills could not be searched: ${error.message}`, href: '#skill' }]),
    });
    els.skillsForm.addEventListener('submit', (e) => {
      e.preventDefault();
      this.skillCombobox.submit();
    });
    els.filtersForm.addEventListener('change', () => onChange({ focusErrors: false }));
    els.filtersForm.addEventListener('submit', (e) => {
      e.preventDefault();
      onChange({ focusErrors: true });
    });
  }

  /** The ids of the skills added. */
  skillIds() {
    return this.skills.map((s) => s.id);
  }

  /** @param {SkillRef} skill */
  addSkill(skill) {
    this.els.skillInput.value = '';
    if (this.skills.some((x) => x.id === skill.id)) {
      this.els.skillAnnouncer.textContent = `${skill.label} is already added.`;
      return;
    }
    this.skills.push({ id: skill.id, label: skill.label, kind: skill.kind, green: skill.green });
    this.renderChips();
    this.els.skillAnnouncer.textContent = `Added ${skill.label}. The moves are updated.`;
    this.onChange({ focusErrors: false });
  }

  /**
   * Drop a skill the planner does not know (from an old link). Returns whether one was dropped.
   * @param {string} id
   */
  dropSkill(id) {
    const before = this.skills.length;
    this.skills = this.skills.filter((s) => s.id !== id);
    this.renderChips();
    return this.skills.length < before;
  }

  /** @param {Event} e */
  removeChip(e) {
    const button = /** @type {HTMLElement | null} */ (/** @type {Element} */ (e.target).closest('button[data-id]'));
    if (!button) return;
    const index = this.skills.findIndex((s) => s.id === button.dataset.id);
    if (index < 0) return;
    const [removed] = this.skills.splice(index, 1);
    this.renderChips();
    // Focus the next chip's button, or the skill input when none is left.
    const buttons = this.els.chips.querySelectorAll('button');
    /** @type {HTMLElement} */ (buttons[Math.min(index, buttons.length - 1)] ?? this.els.skillInput).focus();
    this.els.skillAnnouncer.textContent = `Removed ${removed.label}. The moves are updated.`;
    this.onChange({ focusErrors: false });
  }

  /** Skills restored from a link only have ids: ask the planner for their names. */
  async nameSkills() {
    const unnamed = this.skills.filter((s) => s.label === s.id);
    if (unnamed.length === 0) return;
    /** @type {SkillRef[]} */
    const found = await this.planner.call('skills', unnamed.map((s) => s.id));
    const known = new Map(found.map((s) => [s.id, s]));
    this.skills = this.skills.map((s) => (s.label === s.id && known.has(s.id) ? /** @type {SkillRef} */ (known.get(s.id)) : s));
    this.renderChips();
  }

  /** The chips for added skills, each with a "Remove <skill>" button. */
  renderChips() {
    const { chips, chipsHeading } = this.els;
    const has = this.skills.length > 0;
    chips.hidden = !has;
    chipsHeading.hidden = !has;
    replaceChildren(chips, this.skills.map((s) => h('li', { class: 'app-chip', 'data-id': s.id },
      h('span', { class: 'app-chip__label' }, s.label === s.id ? 'A skill from the link' : s.label),
      h('button', { type: 'button', class: 'app-chip__remove', 'data-id': s.id },
        'Remove', h('span', { class: 'app-visually-hidden' }, ` ${s.label === s.id ? 'skill from the link' : s.label}`)))));
  }

  /**
   * The green-definition radios, with each definition's description and provenance (once).
   * @param {Classification[]} defs
   */
  renderGreenOptions(defs) {
    const { greenOptions } = this.els;
    if (greenOptions.childElementCount > 0) return;
    // The green jobs list first: the default, what people in the UK call green jobs.
    const perJob = GREEN_KEYS.map((key) => {
      const d = defs.find((c) => c.key === key);
      const note = key === 'curatedGreenJobs'
        ? ' This is the default: each job on the list names why it counts and the source.'
        : '';
      return {
        value: greenValue(key),
        name: greenName(key, defs),
        hint: d ? `${d.description} Known for ${formatCount(d.coverage)} jobs.${note}` : note.trim(),
      };
    });
    const options = [
      ...perJob,
      { value: 'consensus', name: 'At least two of the three definitions after the list', hint: 'A job counts as green when at least two of the ESCO, O*NET and ONS definitions agree.' },
      { value: 'any', name: 'Any of these definitions', hint: 'A job counts as green if the green jobs list or at least one definition says so.' },
    ];
    /** @type {Classification[]} */
    const sources = [];
    for (const key of GREEN_KEYS) {
      const d = defs.find((c) => c.key === key);
      if (d) sources.push(d);
    }
    replaceChildren(greenOptions,
      options.map((o) => h('div', { class: 'app-radios__item' },
        h('input', {
          id: `green-${o.value}`, name: 'green', type: 'radio', value: o.value, class: 'app-radios__input',
          'aria-describedby': o.hint ? `green-${o.value}-hint` : null,
        }),
        h('label', { for: `green-${o.value}`, class: 'app-radios__label' }, o.name),
        o.hint && h('p', { id: `green-${o.value}-hint`, class: 'app-hint app-radios__hint' }, o.hint))),
      sources.length > 0 && h('details', { class: 'app-details' },
        h('summary', { class: 'app-details__summary' }, 'Where these definitions come from'),
        h('dl', { class: 'app-details__text app-provenance' }, sources.map((d) => [
          h('dt', {}, d.name),
          h('dd', {}, `Source: ${d.source}. Licence: ${d.licence}.`,
            d.estimated ? ' Estimated: it reaches ESCO jobs through a crosswalk between occupation codes.' : ''),
        ]))));
  }

  /** Put `filters` and the skills into the form controls. */
  writeToForm() {
    const f = this.filters;
    const els = this.els;
    const radio = /** @type {HTMLInputElement | null} */ (els.greenOptions.querySelector(`input[value="${f.green}"]`));
    if (radio) radio.checked = true;
    els.onlyGreen.checked = f.onlyGreen;
    els.viability.value = f.minViability;
    els.payFloor.value = f.payFloorText;
    els.payRatio.value = String(f.desirablePayRatio);
    this.renderChips();
  }

  /**
   * Read and check the form; on success update `filters`.
   * @returns {{ text: string, href: string }[]} errors (empty when valid)
   */
  readForm() {
    const els = this.els;
    const checked = /** @type {HTMLInputElement | null} */ (els.greenOptions.querySelector('input:checked'));
    const floor = parsePayFloor(els.payFloor.value);
    setFieldError(els.payFloorGroup, els.payFloor, els.payFloorError, floor.ok ? '' : floor.error);
    if (!floor.ok) return [{ text: floor.error, href: '#pay-floor' }];
    this.filters = {
      green: /** @type {Filters['green']} */ (checked?.value ?? 'curated'),
      onlyGreen: els.onlyGreen.checked,
      minViability: /** @type {Filters['minViability']} */ (els.viability.value),
      payFloor: floor.value,
      payFloorText: els.payFloor.value.trim(),
      desirablePayRatio: Number(els.payRatio.value),
    };
    return [];
  }
}
