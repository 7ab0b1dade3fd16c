// Renders results as a Markdown table: one row per scenario and metric, Hashchat next to the
// baseline, and their ratio (Hashchat ÷ baseline; above 1 means Hashchat costs more or takes
// longer, except for delivered % and reads/s, where higher is better).

const fanoutMetrics = [
  ['delivered %', (r) => r.deliveredPct],
  ['duplicated + leaked', (r) => (r.duplicated ?? 0) + (r.leaked ?? 0)],
  ['latency p50 ms', (r) => r.latencyMs?.p50],
  ['latency p99 ms', (r) => r.latencyMs?.p99],
  ['server CPU s', (r) => r.server?.cpuSeconds],
  ['server µs / delivery', (r) => r.server?.usPerDelivery],
  ['server peak RSS MB', (r) => r.server?.rssPeakMB],
];
const ingestMetrics = [
  ['statuses / s sustained', (r) => r.published?.perSecond],
  ['POST p50 ms', (r) => r.published?.postLatencyMs?.p50],
  ['POST p99 ms', (r) => r.published?.postLatencyMs?.p99],
  ['statuses accepted', (r) => r.published?.ok],
  [
    'server µs / status',
    (r) => (r.server && r.published?.ok ? (r.server.cpuSeconds * 1e6) / r.published.ok : null),
  ],
  ['delivered %', (r) => r.deliveredPct],
  ['latency p99 ms', (r) => r.latencyMs?.p99],
];
const resumeMetrics = [
  ['catch-up p50 ms', (r) => r.catchUpMs?.p50],
  ['catch-up max ms', (r) => r.catchUpMs?.max],
  ['rounds complete', (r) => r.complete],
];
const idleMetrics = [
  ['KB / idle reader', (r) => r.kbPerReader],
  ['KB / idle reader (marginal)', (r) => r.kbPerReaderMarginal],
];
const historyMetrics = [
  ['reads / s', (r) => r.requestsPerSecond],
  ['read p50 ms', (r) => r.latencyMs?.p50],
  ['read p99 ms', (r) => r.latencyMs?.p99],
  ['server µs / read', (r) => r.server?.usPerRequest],
  ['stale reads of 3 (a status posted, then read)', (r) => r.stale],
];

const joinMetrics = [
  ['room shown p50 ms', (r) => r.roomShownMs?.p50],
  ['room shown p99 ms', (r) => r.roomShownMs?.p99],
  ['first live event p50 ms', (r) => r.firstLiveEventMs?.p50],
  ['first live event p99 ms', (r) => r.firstLiveEventMs?.p99],
  ['stream open p50 ms', (r) => r.streamOpenMs?.p50],
  ['status latency p50 ms', (r) => r.statusLatencyMs?.p50],
  ['status latency p99 ms', (r) => r.statusLatencyMs?.p99],
  ['delivered %', (r) => r.deliveredPct],
  ['delivered % (worst reader)', (r) => r.deliveredPctMinReader],
  ['rooms shown', (r) => r.roomShown],
  ['streams open', (r) => r.streamsOpen],
  ['server CPU ms / join', (r) => r.server?.cpuMsPerJoin],
  ['server peak RSS MB', (r) => r.server?.rssPeakMB],
];

const metricsFor = (scenario) =>
  ({
    history: historyMetrics,
    ingest: ingestMetrics,
    resume: resumeMetrics,
    idle: idleMetrics,
    join: joinMetrics,
  })[scenario.mode] ?? fanoutMetrics;

const show = (v) =>
  v === null || v === undefined || Number.isNaN(v) ? '—' : String(Math.round(v * 100) / 100);

/** The median of the numbers among `xs` (runs repeated with `--repeat`), or null. */
const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && !Number.isNaN(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

/** An outcome holds one result, or several (`results`, one per repetition): their median. */
const resultsOf = (outcome) => outcome?.results ?? (outcome?.result ? [outcome.result] : []);
const value = (outcome, pick) => {
  const results = resultsOf(outcome);
  return results.length ? median(results.map(pick)) : null;
};

const cell = (outcome, pick) => {
  if (!outcome) return '—';
  if (resultsOf(outcome).length === 0) return outcome.error ? 'failed' : '—';
  return show(value(outcome, pick));
};

const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b !== 0 ? `${show(a / b)}×` : '—');

/**
 * @param {{ scenario: import('./matrix.mjs').Scenario, hashchat?: { result?: any, error?: string },
 *   baseline?: { result?: any, error?: string }, compare?: { result?: any, error?: string } }[]} rows
 * @param {{ startedAt: string, machine: string, compareName?: string | null, repeat?: number }} meta
 */
export const renderMarkdown = (rows, meta) => {
  const other = meta.compareName;
  const lines = [
    '# Hashchat benchmark',
    '',
    `Run ${meta.startedAt} on ${meta.machine}. Ratio = Hashchat ÷ baseline.${(meta.repeat ?? 1) > 1 ? ` Each figure is the median of ${meta.repeat} runs, the servers taking turns.` : ''} See bench/README.md for what each number means.`,
    '',
    other
      ? `| scenario | metric | Hashchat | ${other} | baseline | ratio | ${other} ratio |`
      : '| scenario | metric | Hashchat | baseline | ratio |',
    other ? '|---|---|---:|---:|---:|---:|---:|' : '|---|---|---:|---:|---:|',
  ];
  for (const { scenario, hashchat, baseline, compare } of rows) {
    for (const [metric, pick] of metricsFor(scenario)) {
      const h = value(hashchat, pick);
      const b = value(baseline, pick);
      lines.push(
        other
          ? `| ${scenario.name} | ${metric} | ${cell(hashchat, pick)} | ${cell(compare, pick)} | ${cell(baseline, pick)} | ${ratio(h, b)} | ${ratio(value(compare, pick), b)} |`
          : `| ${scenario.name} | ${metric} | ${cell(hashchat, pick)} | ${cell(baseline, pick)} | ${ratio(h, b)} |`,
      );
    }
  }
  const failures = rows.flatMap(({ scenario, hashchat, baseline, compare }) =>
    [
      ['Hashchat', hashchat],
      [other, compare],
      ['baseline', baseline],
    ]
      .filter(([, o]) => o?.error || o?.errors?.length)
      .map(([who, o]) => `- ${scenario.name}, ${who}: ${o.error ?? o.errors.join('; ')}`),
  );
  if (failures.length) lines.push('', '## Failures', '', ...failures);
  return `${lines.join('\n')}\n`;
};
