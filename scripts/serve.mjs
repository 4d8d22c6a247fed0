#!/usr/bin/env node
// A tiny, dependency-free static file server for the built site (`dist/`).
//
//   node scripts/serve.mjs --root dist --port 8080
//
// or, from tests:
//
//   import { startStaticServer } from '../../scripts/serve.mjs';
//   const server = await startStaticServer({ root: 'dist' }); // port 0 = any free port
//   ... fetch(server.url + 'index.html') ...
//   await server.close();
//
// It sends the same headers a production host should: a strict Content-Security-Policy
// (wasm needs 'wasm-unsafe-eval', nothing else is relaxed), nosniff, no-cache, and the
// right MIME types (`application/wasm` is required for WebAssembly.instantiateStreaming).
// `.gz` files are served as `application/gzip` without `Content-Encoding`, so the page
// receives the compressed bytes and decompresses them itself. Other files are sent
// gzip-compressed when the browser accepts it and the build wrote a pre-compressed sibling
// (`app.js.gz` beside `app.js`): `Content-Encoding: gzip`, `Vary: Accept-Encoding`, the
// original file's Content-Type.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat, realpath } from 'node:fs/promises';
import { resolve, sep, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Extension → Content-Type. Longest suffix wins (`.d.ts` before `.ts`). */
const MIME_TYPES = new Map([
  ['.d.ts', 'text/plain; charset=utf-8'],
  ['.html', 'text/html; charset=utf-8'],
  ['.htm', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.json', 'application/json; charset=utf-8'],
  ['.csv', 'text/csv; charset=utf-8'],
  ['.map', 'application/json; charset=utf-8'],
  ['.webmanifest', 'application/manifest+json; charset=utf-8'],
  ['.wasm', 'application/wasm'],
  ['.gz', 'application/gzip'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.jpg', 'image/jpeg'],
  ['.jpeg', 'image/jpeg'],
  ['.webp', 'image/webp'],
  ['.ico', 'image/x-icon'],
  ['.txt', 'text/plain; charset=utf-8'],
  ['.md', 'text/plain; charset=utf-8'],
  ['.csv', 'text/csv; charset=utf-8'],
  ['.ts', 'text/plain; charset=utf-8'],
  ['.woff2', 'font/woff2'],
  ['.woff', 'font/woff'],
]);

/**
 * The Content-Security-Policy, with `frameAncestors` as the sites that may frame the page.
 * @param {string} frameAncestors
 */
export function contentSecurityPolicy(frameAncestors) {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/** The Content-Security-Policy sent with every response but the iframe embed: framed only by the site itself. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy("'self'");

/** The one page other sites may frame (its policy is `--frame-ancestors`). */
export const EMBED_FRAME_PAGE = '/embed/frame.html';

/** Headers sent with every response, errors included. */
const COMMON_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Frame-Options': 'SAMEORIGIN',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
  'Referrer-Policy': 'no-referrer',
};

/**
 * Check a frame-ancestors source list as a site would write it: `'self'`, `'none'`, `*` or
 * http(s) origins (a `*.` subdomain wildcard allowed), separated by spaces.
 * @param {string} list
 */
export function checkFrameAncestors(list) {
  const sources = list.trim().split(/\s+/);
  const ok = (/** @type {string} */ s) => ["'self'", "'none'", '*'].includes(s) || /^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d+)?$/i.test(s);
  const bad = sources.filter((s) => !ok(s));
  if (list.trim() === '' || bad.length > 0) {
    throw new Error(`--frame-ancestors: ${bad.length ? bad.map((s) => JSON.stringify(s)).join(', ') : 'an empty list'} is not a frame-ancestors source ('self', 'none', * or https://host)`);
  }
  return sources.join(' ');
}

/** The Content-Type for a file name. */
export function contentTypeFor(filePath) {
  const lower = filePath.toLowerCase();
  if (lower.endsWith('.d.ts')) return MIME_TYPES.get('.d.ts');
  return MIME_TYPES.get(extname(lower)) ?? 'application/octet-stream';
}

function isInside(root, candidate) {
  return candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep);
}

function sendError(req, res, status, message) {
  const body = `${status} ${message}\n`;
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    ...(status === 405 ? { Allow: 'GET, HEAD' } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

async function statOrNull(path) {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

/**
 * Resolves a request path to a file under `root`, or returns an HTTP status to send.
 * `root` must already be an absolute, symlink-free path.
 */
async function resolveRequest(root, rawUrl) {
  let pathname;
  try {
    pathname = new URL(rawUrl, 'http://localhost').pathname;
    pathname = decodeURIComponent(pathname);
  } catch {
    return { status: 400, message: 'Bad Request' };
  }
  if (pathname.includes('\0')) return { status: 400, message: 'Bad Request' };
  // Reject any `..` segment outright, even one that would stay inside the root.
  if (pathname.split(/[\\/]/).includes('..')) return { status: 403, message: 'Forbidden' };

  let filePath = resolve(root, '.' + pathname);
  if (!isInside(root, filePath)) return { status: 403, message: 'Forbidden' };

  let info = await statOrNull(filePath);
  if (info?.isDirectory()) {
    if (!pathname.endsWith('/')) {
      // Redirect so that relative URLs in the index page resolve against the directory.
      return { status: 301, location: pathname + '/' };
    }
    filePath = join(filePath, 'index.html');
    info = await statOrNull(filePath);
  }
  if (!info || !info.isFile()) return { status: 404, message: 'Not Found' };

  // Follow symlinks and check again, so a link cannot lead out of the root.
  const real = await realpath(filePath).catch(() => null);
  if (!real || !isInside(root, real)) return { status: 403, message: 'Forbidden' };
  return { status: 200, filePath: real, size: info.size };
}

/** Whether the request accepts a gzip-encoded response (`gzip` listed with a non-zero q). */
export function acceptsGzip(req) {
  const header = String(req.headers['accept-encoding'] ?? '');
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/** Files the build pre-compresses (see the Makefile's site recipe); `.gz` files never. */
function hasGzipSibling(filePath) {
  return /\.(html|js|mjs|css|wasm|svg|json|ts|txt|md|bin)$/i.test(filePath);
}

/**
 * The pre-compressed sibling of a file, if the build wrote one inside the root.
 * @returns {Promise<{ path: string, size: number } | null>}
 */
async function precompressed(root, filePath) {
  if (!hasGzipSibling(filePath)) return null;
  const path = `${filePath}.gz`;
  const info = await statOrNull(path);
  if (!info?.isFile()) return null;
  const real = await realpath(path).catch(() => null);
  return real && isInside(root, real) ? { path: real, size: info.size } : null;
}

/**
 * Starts a static file server.
 * @param {{ root: string, port?: number, host?: string, frameAncestors?: string }} options
 *   `frameAncestors`: the sites that may frame the iframe embed (`embed/frame.html`), as a
 *   frame-ancestors source list (default `'self'`); every other page only its own site.
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 *   `url` ends with `/`, e.g. `http://127.0.0.1:41234/`.
 */
export async function startStaticServer({ root, port = 0, host = '127.0.0.1', frameAncestors = "'self'" } = {}) {
  const embedHeaders = {
    'Content-Security-Policy': contentSecurityPolicy(checkFrameAncestors(frameAncestors)),
  };
  if (!root) throw new Error('startStaticServer: `root` is required');
  const rootDir = await realpath(resolve(root));
  const rootInfo = await stat(rootDir);
  if (!rootInfo.isDirectory()) throw new Error(`startStaticServer: ${rootDir} is not a directory`);

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendError(req, res, 405, 'Method Not Allowed');
        return;
      }
      const found = await resolveRequest(rootDir, req.url ?? '/');
      if (found.status === 301) {
        res.writeHead(301, { ...COMMON_HEADERS, Location: found.location, 'Content-Length': 0 });
        res.end();
        return;
      }
      if (found.status !== 200) {
        sendError(req, res, found.status, found.message);
        return;
      }
      const compressed = acceptsGzip(req) ? await precompressed(rootDir, found.filePath) : null;
      // The iframe embed may be framed by the sites the host names; X-Frame-Options cannot say
      // a list, and CSP frame-ancestors overrides it where both are sent, so it is left out.
      const framed = new URL(req.url ?? '/', 'http://x').pathname === EMBED_FRAME_PAGE;
      const { 'X-Frame-Options': _sameOrigin, ...others } = COMMON_HEADERS;
      res.writeHead(200, {
        ...(framed ? { ...others, ...embedHeaders } : COMMON_HEADERS),
        'Content-Type': contentTypeFor(found.filePath),
        'Content-Length': compressed ? compressed.size : found.size,
        ...(compressed ? { 'Content-Encoding': 'gzip' } : {}),
        ...(compressed || hasGzipSibling(found.filePath) ? { Vary: 'Accept-Encoding' } : {}),
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const stream = createReadStream(compressed ? compressed.path : found.filePath);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch {
      if (!res.headersSent) sendError(req, res, 500, 'Internal Server Error');
      else res.destroy();
    }
  });

  // Keep-alive sockets from browsers would otherwise hold close() open.
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });

  const actualPort = server.address().port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${actualPort}/`,
    port: actualPort,
    close: () =>
      new Promise((resolvePromise, reject) => {
        server.close((err) => (err ? reject(err) : resolvePromise()));
        server.closeIdleConnections?.();
        for (const socket of sockets) socket.destroy();
      }),
  };
}

function parseArgs(argv) {
  const options = { root: 'dist', port: 8080, host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [name, inlineValue] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      if (inlineValue !== undefined) return inlineValue;
      i += 1;
      if (i >= argv.length) throw new Error(`${name} needs a value`);
      return argv[i];
    };
    switch (name) {
      case '--root':
        options.root = value();
        break;
      case '--port': {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be 0..65535');
        options.port = port;
        break;
      }
      case '--host':
        options.host = value();
        break;
      case '--frame-ancestors':
        options.frameAncestors = checkFrameAncestors(value());
        break;
      case '-h':
      case '--help':
        options.help = true;
        break;
      default:
        throw new Error(`unknown argument: ${arg}`);
    }
  }
  return options;
}

const USAGE = `usage: node scripts/serve.mjs [--root DIR] [--port N] [--host ADDR] [--frame-ancestors "'self' https://www.example.gov.uk"]
  --frame-ancestors: the sites that may show embed/frame.html in an iframe (default 'self')`;

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`serve.mjs: ${err.message}`);
    console.error(USAGE);
    process.exit(2);
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const server = await startStaticServer(options);
  console.log(`greenpath is being served at ${server.url}`);
  console.log('Press Ctrl-C to stop.');
  const stop = async () => {
    await server.close().catch(() => {});
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(`serve.mjs: ${err.message}`);
    process.exit(1);
  });
}
