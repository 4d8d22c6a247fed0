// @ts-check
/**
 * @file The embed page: copy buttons for the two snippets (the clipboard API, or a selection
 * when it is not available), said in a live region.
 */

const copyStatus = /** @type {HTMLElement} */ (document.getElementById('copy-status'));

for (const button of document.querySelectorAll('button[data-copy]')) {
  button.addEventListener('click', async () => {
    const code = document.getElementById(/** @type {HTMLElement} */ (button).dataset.copy ?? '');
    const text = code?.textContent ?? '';
    try {
      await navigator.clipboard.writeText(text);
      copyStatus.textContent = 'Copied. Paste it into your page’s HTML.';
    } catch {
      const range = document.createRange();
      if (code) range.selectNodeContents(code);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      copyStatus.textContent = 'Selected: press Ctrl+C (or ⌘C) to copy.';
    }
  });
}
