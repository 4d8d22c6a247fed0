#!/usr/bin/env node
// Writes the subresource-integrity hash of the built explorer script (dist/embed/
// greenpath-explorer.js, one bundled module) into the embed page's snippet, so that a council
// copies a snippet whose browser refuses a changed script. Run by `make site`.
//
//   node scripts/embed-sri.mjs [dist]

import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const DIST = process.argv[2] ?? 'dist';
const script = await readFile(join(DIST, 'embed', 'greenpath-explorer.js'));
const sri = `sha384-${createHash('sha384').update(script).digest('base64')}`;
const page = join(DIST, 'embed.html');
const html = await readFile(page, 'utf8');
if (!html.includes('{{EXPLORER_SRI}}')) throw new Error(`${page}: no {{EXPLORER_SRI}} placeholder`);
await writeFile(page, html.replaceAll('{{EXPLORER_SRI}}', sri));
console.log(`embed.html: integrity ${sri}`);
