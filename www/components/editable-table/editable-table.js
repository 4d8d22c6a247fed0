// @ts-check
/**
 * @file A table of figures a planner edits: one row per item, a text input per number and a
 * checkbox per yes/no. Pasting a block copied from a spreadsheet (tab-separated rows) into a
 * cell fills the cells to its right and below, as a spreadsheet does. Numbers are read as
 * spreadsheets write them ("1,200", "£600", "45%"); anything else is reported by row and column.
 */

import { h, replaceChildren } from '../../app/dom.js';

/**
 * @typedef {object} Column
 * @property {string} key
 * @property {string} label column heading
 * @property {'number' | 'check'} kind
 * @property {number} [min]
 * @property {number} [max]
 * @property {boolean} [whole] whole numbers only
 * @property {boolean} [percent] shown and typed as a percentage, stored as a share (0 to 1)
 * @property {boolean} [optional] may be left blank (stored as null)
 */

/**
 * @typedef {object} Row
 * @property {string} id
 * @property {(string | Node)[]} header what the row is (its first cell)
 * @property {Record<string, number | boolean | null>} values
 */

/**
 * @typedef {object} CellProblem
 * @property {string} inputId
 * @property {string} text
 */

/**
 * Read a number as a spreadsheet writes it: thousands commas, a pound sign, spaces, a percent
 * sign. Returns NaN when it is not a number.
 * @param {string} text
 * @returns {number}
 */
export function readNumber(text) {
  const cleaned = text.trim().replace(/^£/, '').replace(/%$/, '').replace(/[\s\u00a0]/g, '');
  if (cleaned === '') return NaN;
  // Thousands commas only where they group threes ("1,200"), never a decimal comma ("1,5").
  if (cleaned.includes(',') && !/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(cleaned)) return NaN;
  const n = Number(cleaned.replace(/,/g, ''));
  return Number.isFinite(n) ? n : NaN;
}

/** @param {number} n @param {boolean} [percent] */
function shown(n, percent) {
  if (percent) return String(Math.round(n * 1000) / 10);
  return String(Math.round(n * 100) / 100);
}

let tables = 0;

export class EditableTable {
  /**
   * @param {object} o
   * @param {HTMLElement} o.container
   * @param {string} o.caption
   * @param {string} o.rowHeading heading of the first column
   * @param {Column[]} o.columns
   * @param {() => void} [o.onChange] called after any edit
   */
  constructor({ container, caption, rowHeading, columns, onChange = () => {} }) {
    this.container = container;
    this.caption = caption;
    this.rowHeading = rowHeading;
    this.columns = columns;
    this.onChange = onChange;
    this.prefix = `et${++tables}`;
    /** @type {Row[]} */
    this.rows = [];
    /** @type {HTMLInputElement[][]} inputs by row, then column */
    this.inputs = [];
  }

  /** @param {Row[]} rows */
  setRows(rows) {
    this.rows = rows;
    this.inputs = [];
    const head = h('tr', {}, h('th', { scope: 'col' }, this.rowHeading),
      this.columns.map((c) => h('th', { scope: 'col', class: c.kind === 'number' ? 'app-table__header--numeric' : '' }, c.label)));
    const body = rows.map((row, r) => {
      const label = h('th', { scope: 'row', id: `${this.prefix}-r${r}` }, row.header);
      const inputs = this.columns.map((c, k) => {
        const id = `${this.prefix}-r${r}-c${k}`;
        const value = row.values[c.key];
        const input = /** @type {HTMLInputElement} */ (c.kind === 'check'
          ? h('input', { type: 'checkbox', id, class: 'app-editable__check', checked: Boolean(value),
            'aria-labelledby': `${this.prefix}-h${k} ${this.prefix}-r${r}` })
          : h('input', { type: 'text', inputmode: 'decimal', id, class: 'app-editable__number',
            value: typeof value === 'number' ? shown(value, c.percent) : '',
            'aria-labelledby': `${this.prefix}-h${k} ${this.prefix}-r${r}`, autocomplete: 'off', spellcheck: 'false' }));
        input.dataset.row = String(r);
        input.dataset.col = String(k);
        return input;
      });
      this.inputs.push(inputs);
      return h('tr', {}, label, inputs.map((input, k) =>
        h('td', { class: this.columns[k].kind === 'number' ? 'app-table__cell--numeric' : '' }, input)));
    });
    // Column headings carry ids so each input is named "<column> <row>".
    head.querySelectorAll('th').forEach((th, k) => { if (k > 0) th.id = `${this.prefix}-h${k - 1}`; });
    const table = h('table', { class: 'app-table app-editable' },
      h('caption', { class: 'app-table__caption' }, this.caption),
      h('thead', {}, head), h('tbody', {}, body));
    table.addEventListener('input', () => this.onChange());
    table.addEventListener('change', () => this.onChange());
    table.addEventListener('paste', (event) => this.paste(/** @type {ClipboardEvent} */ (event)));
    replaceChildren(this.container, h('div', { class: 'app-table-wrap app-editable__wrap' }, table));
  }

  /**
   * A block pasted from a spreadsheet fills the cells right of and below the one pasted into.
   * @param {ClipboardEvent} event
   */
  paste(event) {
    const target = /** @type {HTMLElement} */ (event.target);
    if (!(target instanceof HTMLInputElement) || target.dataset.row === undefined) return;
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (!/[\t\n]/.test(text.trim())) return; // a single value: let the browser paste it
    event.preventDefault();
    const lines = text.replace(/\r/g, '').replace(/\n$/, '').split('\n');
    const row0 = Number(target.dataset.row);
    const col0 = Number(target.dataset.col);
    lines.forEach((line, i) => {
      line.split('\t').forEach((cell, j) => {
        const input = this.inputs[row0 + i]?.[col0 + j];
        if (!input) return;
        if (input.type === 'checkbox') input.checked = /^(1|y|yes|true|x)$/i.test(cell.trim());
        else input.value = cell.trim();
      });
    });
    this.onChange();
  }

  /**
   * The values as typed, each checked; problems name the row and the column.
   * @returns {{ values: Record<string, number | boolean | null>[], problems: CellProblem[] }}
   */
  read() {
    /** @type {CellProblem[]} */
    const problems = [];
    const values = this.inputs.map((inputs, r) => {
      /** @type {Record<string, number | boolean | null>} */
      const out = {};
      inputs.forEach((input, k) => {
        const c = this.columns[k];
        if (c.kind === 'check') {
          out[c.key] = input.checked;
          return;
        }
        const raw = input.value;
        if (raw.trim() === '' && c.optional) {
          out[c.key] = null;
          return;
        }
        let n = readNumber(raw);
        if (c.percent && Number.isFinite(n)) n /= 100;
        const rowName = this.rowName(r);
        const low = c.min ?? -Infinity;
        const high = c.max ?? Infinity;
        if (!Number.isFinite(n)) {
          problems.push({ inputId: input.id, text: `${c.label} for ${rowName}: “${raw.slice(0, 40)}” is not a number` });
        } else if (n < low || n > high) {
          const unit = c.percent ? '%' : '';
          const scale = c.percent ? 100 : 1;
          problems.push({ inputId: input.id, text: `${c.label} for ${rowName} must be from ${low * scale}${unit} to ${high * scale}${unit}` });
        } else if (c.whole && !Number.isInteger(n)) {
          problems.push({ inputId: input.id, text: `${c.label} for ${rowName} must be a whole number` });
        }
        out[c.key] = n;
      });
      return out;
    });
    return { values, problems };
  }

  /** @param {number} r */
  rowName(r) {
    return this.container.querySelector(`#${this.prefix}-r${r}`)?.textContent?.trim() ?? `row ${r + 1}`;
  }

  /** The raw text of every input, to keep on the device as typed. */
  snapshot() {
    return Object.fromEntries(this.rows.map((row, r) => [row.id,
      Object.fromEntries(this.columns.map((c, k) => {
        const input = this.inputs[r][k];
        return [c.key, c.kind === 'check' ? input.checked : input.value];
      }))]));
  }

  /**
   * Put back what `snapshot` returned (rows no longer present are ignored).
   * @param {Record<string, Record<string, string | boolean>>} kept
   */
  restore(kept) {
    this.rows.forEach((row, r) => {
      const values = kept?.[row.id];
      if (!values) return;
      this.columns.forEach((c, k) => {
        const input = this.inputs[r][k];
        const v = values[c.key];
        if (c.kind === 'check' && typeof v === 'boolean') input.checked = v;
        if (c.kind === 'number' && typeof v === 'string') input.value = v;
      });
    });
  }
}
