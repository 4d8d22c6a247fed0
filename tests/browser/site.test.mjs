// The built page's shape: every component keeps its script and style together, the page links
// each component's style and preloads every module at once (no import waterfall on a phone).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST } from './harness.mjs';

test('every page module is preloaded and every component style is linked', async () => {
  // The worker, college and council pages, each preloading and linking what it uses.
  const html = (await Promise.all(['index.html', 'college.html', 'council.html'].map((p) => readFile(join(DIST, p), 'utf8')))).join('');
  const preloaded = new Set([...html.matchAll(/<link rel="modulepreload" href="\.\/([^"]+)">/g)].map((m) => m[1]));
  const styles = new Set([...html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+)"/g)].map((m) => m[1]));
  const modules = (await readdir(join(DIST, 'app'))).filter((f) => f.endsWith('.js') && f !== 'planner-worker.js').map((f) => `app/${f}`);
  assert.ok(html.includes('href="./college.html"'), 'the home page links the college page');
  assert.ok(html.includes('href="./council.html"'), 'the home page links the council page');
  for (const name of await readdir(join(DIST, 'components'))) {
    for (const file of await readdir(join(DIST, 'components', name))) {
      if (file.endsWith('.js')) modules.push(`components/${name}/${file}`);
      if (file.endsWith('.css')) assert.ok(styles.has(`components/${name}/${file}`), `components/${name}/${file} is linked`);
    }
  }
  for (const m of modules) assert.ok(preloaded.has(m), `${m} is preloaded`);
  assert.ok(!html.includes('app/results.js'), 'no link to a moved module');
});
