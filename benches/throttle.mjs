// A throttled link for the browser benchmarks: a proxy in front of the static server that adds
// latency per request, shares a download rate among responses, and logs every response's body
// bytes and when each was sent; and the phone profile of the issues.

import http from 'node:http';

/** The phone profile of the issue: 150 ms per request, 1.6 Mbit/s down, CPU ×4. */
export const PHONE = { latencyMs: 150, bytesPerSecond: 1.6e6 / 8, cpuRate: 4 };
export const UNTHROTTLED = { latencyMs: 0, bytesPerSecond: Infinity, cpuRate: 1 };

/**
 * A proxy in front of the static server that logs every response's body bytes and when each was
 * sent (wall clock), and can add latency per request and share a download rate among responses.
 * @param {number} port the static server's port
 * @param {{ latencyMs: number, bytesPerSecond: number }} profile
 */
export async function startProxy(port, profile) {
  /** @type {{ path: string, bytes: number[], times: number[] }[]} */
  const log = [];
  let linkFree = 0; // wall-clock ms at which the shared link is next free
  const server = http.createServer((req, res) => {
    const entry = { path: req.url ?? '', bytes: /** @type {number[]} */ ([]), times: /** @type {number[]} */ ([]) };
    log.push(entry);
    setTimeout(() => {
      const upstream = http.request({ host: '127.0.0.1', port, path: req.url, method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        let pending = 0;
        let ended = false;
        const finish = () => { if (ended && pending === 0) res.end(); };
        up.on('data', (chunk) => {
          const now = Date.now();
          const at = Number.isFinite(profile.bytesPerSecond)
            ? Math.max(now, linkFree) + (chunk.length / profile.bytesPerSecond) * 1000
            : now;
          linkFree = at;
          pending += 1;
          up.pause();
          setTimeout(() => {
            res.write(chunk);
            entry.bytes.push(chunk.length);
            entry.times.push(Date.now());
            pending -= 1;
            up.resume();
            finish();
          }, at - now);
        });
        up.on('end', () => { ended = true; finish(); });
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    }, profile.latencyMs);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', () => r(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}/`,
    /** Body bytes sent up to wall-clock time `t`. @param {number} t */
    bytesBefore: (t) => log.reduce((sum, e) => sum + e.bytes.reduce((s, b, i) => s + (e.times[i] <= t ? b : 0), 0), 0),
    /** Body bytes per path, all sent. */
    byPath: () => Object.fromEntries(log.map((e) => [e.path, e.bytes.reduce((a, b) => a + b, 0)])),
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r(undefined)); }),
  };
}

