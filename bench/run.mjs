// `npm run bench`: runs the scenario matrix against a fresh baseline and (when a start
// command is given) a fresh Hashchat per scenario, one after the other in the same run, and
// writes bench/results/latest.md and latest.json.
//
//   node bench/run.mjs [--quick | --all] [--hashchat-cmd "node packages/server/dist/main.js" | --hashchat]
//                      [--only <substring>] [--seconds N] [--matrix file.json] [--authed-share 0.1]
//                      [--pin]   (server on CPU 0, load tool on the others, with taskset)
//                      [--compare-cmd "<cmd>" --compare-name before]   (a second Hashchat build, same run)
//                      [--repeat 3]   (each server that many times per scenario, taking turns; medians)
// HASHCHAT_BENCH_START may hold the Hashchat start command instead of --hashchat-cmd.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { accountId, createBenchAccounts, exclude } from './hashchat-client.mjs';
import { defaultMatrix, fullMatrix, quickMatrix } from './matrix.mjs';
import { openFileLimit } from './proc-stats.mjs';
import { renderMarkdown } from './report.mjs';
import { startBaseline, startHashchat } from './servers.mjs';

const DEFAULT_HASHCHAT_CMD = 'node packages/server/dist/main.js';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    all: { type: 'boolean', default: false },
    'compare-cmd': { type: 'string' },
    'compare-name': { type: 'string', default: 'before' },
    pin: { type: 'boolean', default: false },
    hashchat: { type: 'boolean', default: false },
    'hashchat-cmd': { type: 'string', default: process.env.HASHCHAT_BENCH_START },
    'no-baseline': { type: 'boolean', default: false },
    only: { type: 'string' },
    seconds: { type: 'string' },
    matrix: { type: 'string' },
    'authed-share': { type: 'string' },
    'accept-encoding': { type: 'string' },
    'reader-users': { type: 'string', default: '5' },
    repeat: { type: 'string', default: '1' },
    out: { type: 'string', default: fileURLToPath(new URL('./results', import.meta.url)) },
  },
});

const hashchatCmd = args['hashchat-cmd'] || (args.hashchat ? DEFAULT_HASHCHAT_CMD : null);
const loadPath = fileURLToPath(new URL('./load.mjs', import.meta.url));
const joinStormPath = fileURLToPath(new URL('./join-storm.mjs', import.meta.url));
const workDir = mkdtempSync(join(os.tmpdir(), 'hashchat-bench-run-'));
const cpuCount = os.availableParallelism();
const serverCpus = args.pin && cpuCount > 1 ? '0' : undefined;
const loadCpus = serverCpus ? `1-${cpuCount - 1}` : undefined;

/** @type {import('./matrix.mjs').Scenario[]} */
let matrix = args.matrix
  ? JSON.parse(readFileSync(args.matrix, 'utf8'))
  : args.quick
    ? quickMatrix
    : args.all
      ? fullMatrix
      : defaultMatrix;
if (args.only) matrix = matrix.filter((s) => s.name.toLowerCase().includes(args.only.toLowerCase()));
if (args.seconds) matrix = matrix.map((s) => ({ ...s, seconds: Number(args.seconds) }));

/** ['--a', 'x', '--b', 'y'] → ['--a=x', '--b=y']: values (tokens) may start with '-'. */
const joined = (flags) => {
  const out = [];
  for (let i = 0; i < flags.length; i += 2) out.push(`${flags[i]}=${flags[i + 1]}`);
  return out;
};

const runLoad = (flags, script = loadPath) =>
  new Promise((resolve, reject) => {
    const argv = [process.execPath, script, ...joined(flags)];
    const [file, ...rest] = loadCpus ? ['taskset', '-c', loadCpus, ...argv] : argv;
    const child = spawn(file, rest, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => {
      out += c;
    });
    child.stderr.on('data', (c) => {
      err += c;
      process.stderr.write(`  ${String(c).trimEnd()}\n`);
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) return resolve(JSON.parse(out));
      reject(new Error(err.trim().split('\n').slice(-3).join(' ') || `${script} exited with ${code}`));
    });
  });

const loadFlags = (scenario, server, token, files) => {
  const common = [
    '--url',
    server.url,
    '--pid',
    String(server.pid),
    '--token',
    token,
    '--seconds',
    String(scenario.seconds ?? 0),
  ];
  if (scenario.mode === 'resume')
    return [
      ...common,
      '--mode',
      'resume',
      '--missed',
      String(scenario.missed),
      '--rounds',
      String(scenario.rounds),
    ];
  if (scenario.mode === 'idle') return [...common, '--mode', 'idle', '--readers', String(scenario.readers)];
  if (scenario.mode === 'history')
    return [
      ...common,
      '--mode',
      'history',
      '--concurrency',
      String(scenario.concurrency ?? 16),
      '--tag',
      'benchhistory',
      ...(args['accept-encoding'] ? ['--accept-encoding', args['accept-encoding']] : []),
    ];
  return [
    ...common,
    '--transport',
    scenario.transport ?? 'sse',
    '--readers',
    String(scenario.readers),
    '--rate',
    String(scenario.rate),
    '--reader-tokens',
    files.readers,
    '--authed-share',
    args['authed-share'] ?? String(scenario.authedShare ?? 0),
    ...(scenario.blocks ? ['--excluding-tokens', files.excluding, '--other-token', files.otherToken] : []),
    ...(scenario.posters ? ['--poster-tokens', files.posters] : []),
    ...(scenario.tags ? ['--tags', String(scenario.tags)] : []),
    ...(scenario.mentions ? ['--mentions', files.mentions] : []),
  ];
};

/**
 * Registers the scenario's accounts: the publisher, the readers' users, another author that
 * all but one of those users block or mute (alternately), and the posters. Writes the token
 * files load.mjs reads; returns the publisher's token and the files.
 */
const setUp = async (scenario, server) => {
  const readerUsers = Number(args['reader-users']);
  const posters = scenario.posters ?? 0;
  const [publisher, ...rest] = await createBenchAccounts(server.url, 2 + readerUsers + posters);
  const readers = rest.slice(0, readerUsers);
  const other = rest[readerUsers];
  const excluding = scenario.blocks ? readers.slice(0, -1) : [];
  if (excluding.length) {
    const otherId = await accountId(server.url, other.token);
    for (const [i, r] of excluding.entries())
      await exclude(server.url, r.token, otherId, i % 2 ? 'mute' : 'block');
  }
  const file = (name, list) => {
    const path = join(workDir, `${server.name}-${name}.txt`);
    writeFileSync(path, `${list.join('\n')}\n`);
    return path;
  };
  return {
    token: publisher.token,
    files: {
      readers: file(
        'reader-tokens',
        readers.map((r) => r.token),
      ),
      excluding: file(
        'excluding-tokens',
        excluding.map((r) => r.token),
      ),
      otherToken: other.token,
      posters: file(
        'poster-tokens',
        rest.slice(readerUsers + 1).map((p) => p.token),
      ),
      mentions: file(
        'mentions',
        readers.map((r) => r.username),
      ),
    },
  };
};

/** A join storm sets up its own host, poster and live session (join-storm.mjs). */
const joinFlags = (scenario, server) => [
  '--url',
  server.url,
  '--pid',
  String(server.pid),
  '--readers',
  String(scenario.readers),
  '--arrival',
  String(scenario.arrival ?? 10),
  '--rate',
  String(scenario.rate ?? 20),
];

const pgServerPath = fileURLToPath(new URL('./pg-server.mjs', import.meta.url));

/**
 * How to start a Hashchat command for a scenario: as given, or for a PostgreSQL scenario through
 * bench/pg-server.mjs (a fresh database, a Redis prefix, the scenario's instances behind a
 * balancer). A command that already uses pg-server.mjs keeps its own; otherwise it must be
 * `node <main.js>`, whose bundle pg-server.mjs then starts.
 */
const commandFor = (scenario, command) => {
  if (scenario.backend !== 'postgres') return { command, env: {} };
  const env = { HASHCHAT_BENCH_INSTANCES: String(scenario.instances ?? 1) };
  if (command.includes('pg-server.mjs')) return { command, env };
  const main = command.trim().match(/^node\s+(\S+\.m?js)$/)?.[1];
  if (!main)
    throw new Error(`a PostgreSQL scenario needs a "node <main.js>" start command, not "${command}"`);
  return { command: `node "${pgServerPath}" ${main}`, env };
};

/** Starts a Hashchat build for a scenario (see commandFor). */
const startFor = (scenario, cmd, name) => () => {
  const { command, env } = commandFor(scenario, cmd);
  return startHashchat(command, workDir, serverCpus, name, env);
};

/** Runs one scenario against one freshly started server. */
const runOn = async (scenario, start) => {
  let server;
  try {
    server = await start();
    if (scenario.mode === 'join') {
      process.stderr.write(`${scenario.name} — ${server.name}\n`);
      return { result: await runLoad(joinFlags(scenario, server), joinStormPath) };
    }
    const { token, files } = await setUp(scenario, server);
    process.stderr.write(`${scenario.name} — ${server.name}\n`);
    return { result: await runLoad(loadFlags(scenario, server, token, files)) };
  } catch (err) {
    process.stderr.write(`  ${server?.name ?? 'server'} failed: ${err.message}\n`);
    return { error: err.message };
  } finally {
    await server?.stop();
  }
};

const largest = Math.max(0, ...matrix.map((s) => s.readers ?? 0));
const limit = openFileLimit();
if (limit !== null && limit < largest + 64)
  process.stderr.write(`warning: ulimit -n is ${limit}; ${largest} readers need more (ulimit -n 65536)\n`);
if (!hashchatCmd)
  process.stderr.write('no Hashchat start command (--hashchat-cmd or HASHCHAT_BENCH_START): baseline only\n');

const startedAt = new Date().toISOString();
const repeat = Math.max(1, Math.floor(Number(args.repeat)) || 1);
const rows = [];
for (const scenario of matrix) {
  const row = { scenario };
  /** One more run of one server: its result, or its error, joins the others of that server. */
  const add = (key, outcome) => {
    row[key] ??= { results: [], errors: [] };
    if (outcome.result) row[key].results.push(outcome.result);
    else row[key].errors.push(outcome.error);
  };
  // With --repeat, the servers take turns (baseline, before, Hashchat, baseline, …) so a busy
  // moment on a shared machine does not land on one server's runs only.
  for (let i = 0; i < repeat; i++) {
    if (!args['no-baseline'])
      add('baseline', await runOn(scenario, () => startBaseline(workDir, serverCpus)));
    if (args['compare-cmd'])
      add('compare', await runOn(scenario, startFor(scenario, args['compare-cmd'], args['compare-name'])));
    if (hashchatCmd) add('hashchat', await runOn(scenario, startFor(scenario, hashchatCmd, 'hashchat')));
  }
  for (const key of ['baseline', 'compare', 'hashchat']) {
    const o = row[key];
    if (o && o.results.length === 0) o.error = o.errors.join('; ');
  }
  rows.push(row);
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`;
mkdirSync(args.out, { recursive: true });
writeFileSync(
  join(args.out, 'latest.json'),
  `${JSON.stringify({ startedAt, finishedAt: new Date().toISOString(), machine, pinned: args.pin, repeat, hashchatCmd, compareCmd: args['compare-cmd'], rows }, null, 2)}\n`,
);
const markdown = renderMarkdown(rows, {
  startedAt,
  machine,
  compareName: args['compare-cmd'] ? args['compare-name'] : null,
  repeat,
});
writeFileSync(join(args.out, 'latest.md'), markdown);
process.stdout.write(markdown);
process.stderr.write(`server logs in ${workDir}\n`);
if (rows.some((r) => [r.baseline, r.hashchat, r.compare].some((o) => o?.errors?.length)))
  process.exitCode = 1;
