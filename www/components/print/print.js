// @ts-check
/**
 * @file Printing: the job card's "Print" gives the job and its first few green moves
 * (print.css); printing a plan opens folded lists so the printed plan is complete, then closes
 * them again.
 */

/** Print the job and its first green moves, not the whole page with every list unfolded. */
export function printSummary() {
  document.documentElement.classList.add('app-print-summary');
  window.print();
}

/** Unfold every folded `<details>` while printing (except for the summary print). */
export function unfoldWhilePrinting() {
  /** @type {HTMLDetailsElement[]} */
  let opened = [];
  window.addEventListener('beforeprint', () => {
    if (document.documentElement.classList.contains('app-print-summary')) return;
    opened = [...document.querySelectorAll('details:not([open])')].map((d) => /** @type {HTMLDetailsElement} */ (d));
    for (const d of opened) d.open = true;
  });
  window.addEventListener('afterprint', () => {
    for (const d of opened) d.open = false;
    opened = [];
    document.documentElement.classList.remove('app-print-summary');
  });
}
