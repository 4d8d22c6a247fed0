// @ts-check
/**
 * @file The page's error summary (GOV.UK pattern): `role="alert"`, each error a link to its
 * field. A field inside a folded `<details>` is unfolded so that its link works.
 */

import { h, replaceChildren } from '../../app/dom.js';

/** @typedef {{ text: string, href?: string }} ErrorItem */

export class ErrorSummary {
  /**
   * @param {object} o
   * @param {HTMLElement} o.summary the summary box (`role="alert"`, `tabindex="-1"`)
   * @param {HTMLElement} o.list its list of errors
   * @param {HTMLDetailsElement[]} [o.unfold] folded sections to open when an error points inside
   */
  constructor({ summary, list, unfold = [] }) {
    this.summary = summary;
    this.list = list;
    this.unfold = unfold;
  }

  /** @param {ErrorItem[]} errors */
  show(errors) {
    for (const details of this.unfold) {
      if (errors.some((e) => e.href && details.querySelector(e.href))) details.open = true;
    }
    replaceChildren(this.list, errors.map((e) =>
      h('li', {}, e.href ? h('a', { href: e.href }, e.text) : e.text)));
    this.summary.hidden = false;
  }

  clear() {
    this.summary.hidden = true;
    this.list.replaceChildren();
  }

  focus() {
    this.summary.focus();
  }
}
