// @ts-check
/**
 * @file A tiny element builder. Text always goes in as text nodes (never HTML), so data from
 * the planner cannot inject markup, and nothing here creates inline styles (CSP `style-src 'self'`).
 */

/**
 * @typedef {string | number | Node | null | undefined | false} Leaf
 * @typedef {Leaf | Array<Leaf | Array<Leaf | Array<Leaf>>>} Child children may be lists, nested up to three deep (flattened)
 */

/**
 * Create an element: `h('p', { class: 'app-hint', id: 'x' }, 'text', h('strong', {}, 'bold'))`.
 * Attribute values of `true` set an empty attribute; `false`, `null` and `undefined` skip it.
 * @param {string} tag
 * @param {Record<string, string | number | boolean | null | undefined>} [attrs]
 * @param {...Child} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'style') throw new Error('h(): inline styles are blocked by the CSP; use a class');
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/**
 * Append children (flattening arrays, skipping empty values).
 * @param {Element | DocumentFragment} parent
 * @param {Child[]} children
 */
export function append(parent, children) {
  for (const child of /** @type {Leaf[]} */ (children.flat(Infinity))) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : String(child));
  }
}

/**
 * Replace all of an element's (or a shadow root's) children.
 * @param {Element | DocumentFragment} parent
 * @param {...Child} children
 */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  append(parent, children);
}

/**
 * Show or clear a field's error message (GOV.UK pattern).
 * @param {HTMLElement} group
 * @param {HTMLInputElement} input
 * @param {HTMLElement} message
 * @param {string} text empty to clear
 */
export function setFieldError(group, input, message, text) {
  group.classList.toggle('app-form-group--error', Boolean(text));
  message.hidden = !text;
  replaceChildren(message, text && h('span', { class: 'app-visually-hidden' }, 'Error: '), text);
  const hint = input.getAttribute('aria-describedby')?.split(' ').filter((x) => x !== message.id) ?? [];
  input.setAttribute('aria-describedby', (text ? [...hint, message.id] : hint).join(' '));
  if (text) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
}

/**
 * The element with this id; a missing one is a defect of the page, said by its id.
 * @template {HTMLElement} T
 * @param {string} id
 * @returns {T}
 */
export function byId(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing element #${id}`);
  return /** @type {T} */ (el);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Create an SVG element with attributes only (no inline styles: the CSP forbids them).
 * @param {string} tag
 * @param {Record<string, string | number>} [attrs]
 * @param {...(Node | string)} children
 * @returns {SVGElement}
 */
export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  el.append(...children);
  return el;
}
