// The history scenario: seed a hashtag with statuses, then read its timeline
// (`GET /api/v1/timelines/tag/:tag?limit=40`) in a closed loop from `concurrency` clients.
import http from 'node:http';
import { summarize } from './percentiles.mjs';
import { createPublisher } from './publisher.mjs';

/**
 * @param {{ host: string, port: number, tag: string, token: string, seconds: number,
 *   concurrency: number, seed: number, cpu: () => number }} options
 */
export const readHistory = async ({ host, port, tag, token, seconds, concurrency, seed, cpu }) => {
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
        { host, port, path, agent, headers: token ? { authorization: `Bearer ${token}` } : {} },
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
  agent.destroy();
  return {
    concurrency,
    ok,
    failed,
    requestsPerSecond: Math.round(ok / wall),
    bytesPerRead: ok ? Math.round(bytes / (ok + failed)) : 0,
    latencyMs: summarize(Float64Array.from(latencies), 1),
    cpuSeconds,
  };
};
