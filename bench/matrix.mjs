// The scenarios `npm run bench` runs. A scenario is one load.mjs run per server.
// Fan-out: readers × statuses/s over one transport. Ingest: many statuses/s, few readers
// (the cost of accepting a status). History: hashtag timeline reads in a closed loop.

/**
 * @typedef {{ name: string, mode: 'fanout' | 'history', transport?: 'sse' | 'ws', readers?: number,
 *   rate?: number, seconds: number, concurrency?: number }} Scenario
 */

/** @type {Scenario[]} */
export const fullMatrix = [
  {
    name: 'fan-out SSE 1,000 × 50/s',
    mode: 'fanout',
    transport: 'sse',
    readers: 1000,
    rate: 50,
    seconds: 10,
  },
  { name: 'fan-out WS 1,000 × 50/s', mode: 'fanout', transport: 'ws', readers: 1000, rate: 50, seconds: 10 },
  {
    name: 'fan-out SSE 5,000 × 50/s',
    mode: 'fanout',
    transport: 'sse',
    readers: 5000,
    rate: 50,
    seconds: 10,
  },
  { name: 'fan-out WS 5,000 × 50/s', mode: 'fanout', transport: 'ws', readers: 5000, rate: 50, seconds: 10 },
  {
    name: 'fan-out SSE 10,000 × 10/s',
    mode: 'fanout',
    transport: 'sse',
    readers: 10000,
    rate: 10,
    seconds: 10,
  },
  {
    name: 'fan-out WS 10,000 × 10/s',
    mode: 'fanout',
    transport: 'ws',
    readers: 10000,
    rate: 10,
    seconds: 10,
  },
  { name: 'ingest 200/s, 10 readers', mode: 'fanout', transport: 'sse', readers: 10, rate: 200, seconds: 10 },
  { name: 'history, 16 clients', mode: 'history', concurrency: 16, seconds: 10 },
];

/** A smoke matrix of seconds, to check the tooling end to end. @type {Scenario[]} */
export const quickMatrix = [
  { name: 'fan-out SSE 50 × 5/s', mode: 'fanout', transport: 'sse', readers: 50, rate: 5, seconds: 3 },
  { name: 'fan-out WS 50 × 5/s', mode: 'fanout', transport: 'ws', readers: 50, rate: 5, seconds: 3 },
  { name: 'ingest 20/s, 5 readers', mode: 'fanout', transport: 'sse', readers: 5, rate: 20, seconds: 3 },
  { name: 'history, 4 clients', mode: 'history', concurrency: 4, seconds: 2 },
];
