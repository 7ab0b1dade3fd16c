// The history scenario: seed a hashtag with statuses, then read its timeline
// (`GET /api/v1/timelines/tag/:tag?limit=40`) in a closed loop from `concurrency` clients.
import http from 'node:http';
import { summarize } from './percentiles.mjs';
import { createPublisher } from './publisher.mjs';

/**
 * @param {{ host: string, port: number, tag: string, token: string, seconds: number,
 *   concurrency: number, seed: number, cpu: () => number, acceptEncoding?: string }} options
 *   `acceptEncoding`: sent with every read (e.g. `br`, as browsers and apps do); the bytes per
 *   read are then what went over the wire.
 */
export const readHistory = async ({
  host,
  port,
  tag,
  token,
  seconds,
  concurrency,
  seed,
  cpu,
  acceptEncoding,
}) => {
  const publisher = createPublisher({ host, port, token, maxSockets: 4 });
  for (let i = 0; i < seed; i++) await publisher.post(`history seed ${i} #${tag}`);
  publisher.close();

  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const path = `/api/v1/timelines/tag/${encodeURIComponent(tag)}?limit=40`;
  const latencies = [];
  let ok = 0;
  let failed = 0;
  let bytes = 0;
  const read = () =>
    new Promise((resolve) => {
      const started = performance.now();
      const req = http.get(
        {
          host,
          port,
          path,
          agent,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}),
          },
        },
        (res) => {
          res.on('data', (c) => {
            bytes += c.length;
          });
          res.on('end', () => {
            latencies.push(performance.now() - started);
            if (res.statusCode === 200) ok++;
            else failed++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        failed++;
        resolve();
      });
    });

  const cpuStart = cpu();
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) await read();
    }),
  );
  const wall = (performance.now() - started) / 1000;
  const cpuSeconds = cpu() - cpuStart;
  // Not stale: a status posted now is the first of the very next read (a server that keeps
  // pages must have dropped the one it kept), after the measured loop, three times.
  let stale = 0;
  for (let i = 0; i < 3; i++) {
    const posted = await requestJson(
      agent,
      { host, port, path: '/api/v1/statuses', method: 'POST', token },
      {
        status: `history probe ${i} #${tag}`,
        visibility: 'public',
      },
    );
    const page = await requestJson(agent, { host, port, path, method: 'GET', token });
    if (!posted?.id || !Array.isArray(page) || page[0]?.id !== posted.id) stale++;
  }
  agent.destroy();
  return {
    concurrency,
    ok,
    failed,
    requestsPerSecond: Math.round(ok / wall),
    bytesPerRead: ok ? Math.round(bytes / (ok + failed)) : 0,
    stale,
    latencyMs: summarize(Float64Array.from(latencies), 1),
    cpuSeconds,
  };
};

/** One request, its JSON answer (null when it fails). */
const requestJson = (agent, { host, port, path, method, token }, body) =>
  new Promise((resolve) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host,
        port,
        path,
        method,
        agent,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(text === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }),
        },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c) => {
          data += c;
        });
        res.on('end', () => {
          try {
            resolve(res.statusCode === 200 ? JSON.parse(data) : null);
          } catch {
            resolve(null);
          }
        });
      },
    );
    req.on('error', () => resolve(null));
    req.end(text);
  });
