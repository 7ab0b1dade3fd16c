// Fails when packages/server/src breaks its layering, and prints each offending line:
// - below http (services, store, bus, stream, jobs, present, auth, core rules) nothing imports http/;
// - no query builder or SQL text outside store/ (services and routes call store functions);
//   cli/ copies whole databases table by table, below any data area, and may.
// Test files count too: a service's test may use store functions, not build its own SQL.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const src = join(root, 'packages/server/src');

function sourceFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

const BELOW_HTTP = ['services', 'store', 'bus', 'stream', 'jobs', 'present', 'auth', 'ratelimit'];
const SQL_ALLOWED = ['store', 'cli'];
const httpImport = /(?:from\s*|import\s*\(\s*)['"](?:\.\.?\/)+(?:[^'"]*\/)?http(?:\/[^'"]*)?['"]/;
const querySql =
  /\b(?:selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\s*\(|\bsql\s*(?:<[^>]*>)?\s*`|\bsql\.(?:raw|ref|join|lit|id|table)\s*\(/;

const problems = [];
for (const file of sourceFiles(src)) {
  const rel = relative(src, file);
  const top = rel.split('/')[0];
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (/^\s*(\/\/|\*)/.test(line)) return;
    const where = `packages/server/src/${rel}:${i + 1}`;
    if (BELOW_HTTP.includes(top) && httpImport.test(line))
      problems.push(`${where}: imports the http layer: ${line.trim()}`);
    if (!SQL_ALLOWED.includes(top) && querySql.test(line))
      problems.push(`${where}: SQL outside store/: ${line.trim()}`);
  });
}

if (problems.length === 0) {
  console.log('Layers hold: no http/ imports below http, no SQL outside store/.');
} else {
  for (const p of problems) console.error(p);
  process.exitCode = 1;
}
