// @ts-check
/**
 * @file Registers the service worker (sw.js at the site's root), so the site works offline after
 * the first visit. It waits for the page's first answer (`after`), or 20 s at most, so that
 * keeping the files never competes with the download the first answer needs on a slow phone.
 * Nothing happens where service workers are not available (file://, some private modes) or when
 * registration fails: the page works as before.
 */

/** Longest wait for the first answer before the files are kept anyway, ms. */
const LONGEST_WAIT = 20_000;

/** @param {Promise<unknown>} [after] the page's first answer */
export function workOffline(after = Promise.resolve()) {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  const loaded = document.readyState === 'complete'
    ? Promise.resolve()
    : new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
  const answered = Promise.race([after.catch(() => {}), new Promise((resolve) => window.setTimeout(resolve, LONGEST_WAIT))]);
  Promise.all([loaded, answered]).then(() => navigator.serviceWorker.register(new URL('../sw.js', import.meta.url), {
    scope: new URL('../', import.meta.url).pathname,
  })).catch(() => { /* offline use is a bonus: the page works without it */ });
}
