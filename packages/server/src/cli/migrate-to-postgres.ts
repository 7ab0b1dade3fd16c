import path from 'node:path';
import { parseArgs } from 'node:util';
import { type CopyReport, copyToPostgres } from './copy-to-postgres';

const USAGE =
  'usage: npm run migrate-to-postgres -- --from <sqlite file> --to postgres://user@host:port/db [--force] [--batch 1000] [--sample 100]';

/** The `migrate-to-postgres` command: copies an embedded SQLite store into PostgreSQL. Returns the exit code. */
export async function main(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  let args: { from?: string; to?: string; force?: boolean; batch?: string; sample?: string; help?: boolean };
  try {
    args = parseArgs({
      args: argv,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        force: { type: 'boolean', default: false },
        batch: { type: 'string' },
        sample: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (err) {
    out(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help || !args.from || !args.to) {
    out(USAGE);
    return args.help ? 0 : 2;
  }
  const from = path.resolve(args.from.replace(/^sqlite:/, ''));
  out(`Copying ${from} → ${redact(args.to)}`);
  let report: CopyReport;
  try {
    report = await copyToPostgres({
      from,
      to: args.to,
      force: args.force,
      batchSize: args.batch ? Number(args.batch) : undefined,
      sampleSize: args.sample ? Number(args.sample) : undefined,
      log: out,
    });
  } catch (err) {
    out(`Failed: ${(err as Error).message}`);
    return 1;
  }
  out(formatSummary(report));
  return report.ok ? 0 : 1;
}

export function formatSummary(r: CopyReport): string {
  const w = Math.max(5, ...r.tables.map((t) => t.table.length));
  const lines = [`${'table'.padEnd(w)}  ${'sqlite'.padStart(9)}  ${'postgres'.padStart(9)}  sample`];
  for (const t of r.tables) {
    const mark = t.source === t.target && t.mismatches.length === 0 ? 'ok' : 'MISMATCH';
    lines.push(
      `${t.table.padEnd(w)}  ${String(t.source).padStart(9)}  ${String(t.target).padStart(9)}  ${t.sampled} compared, ${mark}`,
    );
  }
  for (const t of r.tables) for (const m of t.mismatches.slice(0, 10)) lines.push(`  ${m}`);
  const rows = r.tables.reduce((n, t) => n + t.target, 0);
  lines.push(
    r.ok
      ? `Done: ${rows} rows in ${r.tables.length} tables, verified, in ${(r.ms / 1000).toFixed(1)} s.`
      : 'Verification FAILED: see above.',
  );
  return lines.join('\n');
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
