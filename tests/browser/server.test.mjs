// The static server sends the build's pre-compressed files to browsers that accept gzip, with
// the original Content-Type, and the plain files to those that do not; the page loads and works
// over the compressed responses (the browser tests all run through it).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startStaticServer } from '../../scripts/serve.mjs';
import { DIST } from './harness.mjs';

/** @type {{ url: string, close: () => Promise<void> }} */
let server;
before(async () => { server = await startStaticServer({ root: DIST }); });
after(async () => { await server?.close(); });

/**
 * GET a path with the given Accept-Encoding; resolve to status, headers and the raw body.
 * @param {string} path
 * @param {string | undefined} encoding
 * @returns {Promise<{ status: number, headers: import('node:http').IncomingHttpHeaders, body: Buffer }>}
 */
function get(path, encoding) {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, server.url), { headers: encoding ? { 'Accept-Encoding': encoding } : {} }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

for (const [path, type] of [
  ['/pkg/greenpath_bg.wasm', 'application/wasm'],
  ['/pkg/greenpath.js', 'text/javascript; charset=utf-8'],
  ['/app/main.js', 'text/javascript; charset=utf-8'],
  ['/styles.css', 'text/css; charset=utf-8'],
  ['/', 'text/html; charset=utf-8'],
  ['/data/core.bin', 'application/octet-stream'],
  ['/data/skills.bin', 'application/octet-stream'],
]) {
  test(`${path} is sent gzip-compressed to a browser that accepts gzip, plain otherwise`, async () => {
    const file = await readFile(join(DIST, path === '/' ? 'index.html' : path));
    const zipped = await get(path, 'gzip, deflate, br');
    assert.equal(zipped.status, 200);
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.equal(zipped.headers['content-type'], type);
    assert.equal(zipped.headers.vary, 'Accept-Encoding');
    assert.ok(zipped.body.length < file.length, `${zipped.body.length} < ${file.length} bytes`);
    assert.deepEqual(gunzipSync(zipped.body), file, 'the same bytes once unzipped');

    const plain = await get(path, undefined);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(plain.body, file);
    const refused = await get(path, 'gzip;q=0, identity');
    assert.equal(refused.headers['content-encoding'], undefined);
  });
}

test('a .gz file stays the gzip file it is: no second encoding', async () => {
  const res = await get('/data/core.bin.gz', 'gzip');
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'application/gzip');
  assert.equal(res.headers['content-encoding'], undefined);
  assert.equal(res.body[0], 0x1f);
  assert.equal(res.body[1], 0x8b);
});
