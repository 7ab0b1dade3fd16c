import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM module without types
import { renderMarkdown } from './report.mjs';

const scenario = { name: 'history, 16 clients', mode: 'history' };
const run = (p99: number, rps: number) => ({
  requestsPerSecond: rps,
  latencyMs: { p50: 1, p99 },
  server: { usPerRequest: 100 },
});
const rowOf = (md: string, metric: string) =>
  md
    .split('\n')
    .find((l) => l.includes(`| ${metric} |`))
    ?.split('|')
    .map((c) => c.trim())
    .filter(Boolean);

describe('renderMarkdown', () => {
  it('shows the median of repeated runs, and ratios of the medians', () => {
    const md = renderMarkdown(
      [
        {
          scenario,
          hashchat: { results: [run(30, 900), run(10, 1000), run(20, 1100)], errors: [] },
          baseline: { results: [run(4, 10000), run(2, 9000)], errors: [] },
        },
      ],
      { startedAt: 'now', machine: 'test', repeat: 3 },
    );
    expect(md).toContain('median of 3 runs');
    expect(rowOf(md, 'read p99 ms')).toEqual(['history, 16 clients', 'read p99 ms', '20', '3', '6.67×']);
    expect(rowOf(md, 'reads / s')).toEqual(['history, 16 clients', 'reads / s', '1000', '9500', '0.11×']);
  });

  it('keeps a single run as it was, and lists failed runs', () => {
    const md = renderMarkdown(
      [
        {
          scenario,
          hashchat: { result: run(12, 800) },
          baseline: { results: [], errors: ['port in use'], error: 'port in use' },
        },
      ],
      { startedAt: 'now', machine: 'test' },
    );
    expect(md).not.toContain('median');
    expect(rowOf(md, 'read p99 ms')).toEqual(['history, 16 clients', 'read p99 ms', '12', 'failed', '—']);
    expect(md).toContain('- history, 16 clients, baseline: port in use');
  });
});
