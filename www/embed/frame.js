// @ts-check
/**
 * @file The iframe embed (embed/frame.html): the explorer with its settings from the frame's
 * URL (`?job=…&area=…&green=…&pay-floor=…&course-list=…`), for sites that would rather frame
 * a page than run a script. The server sends a frame-ancestors policy the site can set.
 */

import './greenpath-explorer.js';

const explorer = /** @type {HTMLElement} */ (document.getElementById('explorer'));
const params = new URLSearchParams(window.location.search);
for (const name of ['job', 'area', 'green', 'pay-floor', 'course-list']) {
  const value = params.get(name);
  if (value) explorer.setAttribute(name, value.slice(0, 200));
}

// Keep the files once the first answer is shown (or the search box is ready when no job is set).
// The offline module loads after the explorer has started, so its planner starts a round trip
// sooner.
const answered = new Promise((resolve) => {
  explorer.addEventListener('greenpath-answer', resolve, { once: true });
  if (!params.get('job')) explorer.addEventListener('greenpath-ready', resolve, { once: true });
});
import('../app/offline.js').then(({ workOffline }) => workOffline(answered));
