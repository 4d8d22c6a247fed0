// @ts-check
/**
 * @file Registers the service worker (sw.js at the site's root) once the page has loaded, so
 * the site works offline after the first visit. Nothing happens where service workers are not
 * available (file://, some private modes) or when registration fails: the page works as before.
 */

export function workOffline() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  const register = () => {
    navigator.serviceWorker.register(new URL('../sw.js', import.meta.url), { scope: new URL('../', import.meta.url).pathname })
      .catch(() => { /* offline use is a bonus: the page works without it */ });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
