// @ts-check
/**
 * @file What a job involves, loaded when someone opens the details that show it. Descriptions
 * are a later part of the dataset (`details.bin`), so the first answers never wait for them.
 */

/** @type {(id: string) => Promise<string>} */
let describe = () => Promise.reject(new Error('descriptions are not wired up'));

/**
 * Set how descriptions are fetched (main.js: the planner's `description` method).
 * @param {(id: string) => Promise<string>} fn
 */
export function setDescriber(fn) {
  describe = fn;
}

/** Text shown until a description arrives. */
export const DESCRIPTION_PENDING = 'Loading what the job involves…';

/**
 * Fill `target` with what job `id` involves the first time `details` opens. On a failure the
 * target says so, and opening the details again tries again.
 * @param {HTMLDetailsElement | HTMLElement} details
 * @param {string} id
 * @param {HTMLElement} target
 */
export function describeWhenOpened(details, id, target) {
  let asked = false;
  details.addEventListener('toggle', () => {
    if (!(/** @type {HTMLDetailsElement} */ (details).open) || asked) return;
    asked = true;
    describe(id).then(
      (text) => { target.textContent = text || 'No description available.'; },
      (error) => {
        asked = false;
        const message = error instanceof Error ? error.message : String(error);
        target.textContent = `The description could not be loaded: close and open this again to retry. (${message})`;
      });
  });
}
