// Publishes statuses through the Mastodon API at a steady rate over keep-alive connections.
import http from 'node:http';

/**
 * @param {{ host: string, port: number, token: string, maxSockets?: number }} options
 * @returns {{ post: (status: string, onSent?: () => void) => Promise<{ ok: boolean, status: number, ms: number }>,
 *   close: () => void }}
 */
export const createPublisher = ({ host, port, token, maxSockets = 32 }) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const post = (status, onSent) =>
    new Promise((resolve) => {
      const body = JSON.stringify({ status, visibility: 'public' });
      const started = performance.now();
      const req = http.request(
        {
          host,
          port,
          agent,
          method: 'POST',
          path: '/api/v1/statuses',
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            resolve({
              ok: res.statusCode === 200,
              status: res.statusCode ?? 0,
              ms: performance.now() - started,
            }),
          );
        },
      );
      req.on('error', () => resolve({ ok: false, status: 0, ms: performance.now() - started }));
      onSent?.();
      req.end(body);
    });
  return { post, close: () => agent.destroy() };
};

/**
 * Calls `send(i)` for i = 0…count-1 at `rate` per second, catching up when a timer fires late,
 * and resolves with all the results once the last one settles.
 * @template T
 * @param {{ count: number, rate: number, send: (i: number) => Promise<T>, stop?: () => boolean }} options
 * @returns {Promise<T[]>}
 */
export const publishAtRate = ({ count, rate, send, stop }) =>
  new Promise((resolve) => {
    const results = [];
    const started = performance.now();
    let next = 0;
    const tick = () => {
      const due = Math.min(count, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
      while (next < due && !stop?.()) results.push(send(next++));
      if (next >= count || stop?.()) return void Promise.all(results).then(resolve);
      setTimeout(tick, Math.max(0, started + (next / rate) * 1000 - performance.now()));
    };
    tick();
  });
