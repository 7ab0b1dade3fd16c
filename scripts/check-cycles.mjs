// Fails when the import graph of packages/*/src has a cycle, and prints every cycle it finds.
// Type-only imports count too: a cycle of types still means two files that cannot be read apart.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const packagesDir = join(root, 'packages');

function sourceFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const importPattern =
  /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

function resolveFile(base) {
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function resolveImport(from, specifier) {
  if (specifier.startsWith('.')) return resolveFile(resolve(dirname(from), specifier.replace(/\.js$/, '')));
  const workspace = /^@hashchat\/([^/]+)\/(.+)$/.exec(specifier);
  if (workspace) return resolveFile(join(packagesDir, workspace[1], 'src', workspace[2]));
  return undefined;
}

const graph = new Map();
for (const pkg of readdirSync(packagesDir)) {
  const src = join(packagesDir, pkg, 'src');
  if (!existsSync(src)) continue;
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
    const deps = new Set();
    for (const m of text.matchAll(importPattern)) {
      const target = resolveImport(file, m[1] ?? m[2] ?? m[3]);
      if (target) deps.add(target);
    }
    graph.set(file, [...deps]);
  }
}

// Tarjan's strongly connected components; every component of more than one file (or a file
// importing itself) holds at least one cycle.
let index = 0;
const stack = [];
const state = new Map();
const components = [];
function connect(v) {
  const s = { index, low: index, onStack: true };
  index += 1;
  state.set(v, s);
  stack.push(v);
  for (const w of graph.get(v) ?? []) {
    const t = state.get(w);
    if (!t) {
      connect(w);
      s.low = Math.min(s.low, state.get(w).low);
    } else if (t.onStack) s.low = Math.min(s.low, t.index);
  }
  if (s.low === s.index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      state.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(component);
  }
}
for (const v of graph.keys()) if (!state.has(v)) connect(v);

// One concrete cycle per component: the shortest path back to its first file (breadth-first).
function cycleThrough(component) {
  const members = new Set(component);
  const start = component.slice().sort()[0];
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift();
    for (const w of graph.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [v];
        for (let p = previous.get(v); p; p = previous.get(p)) path.unshift(p);
        return [...path, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

if (components.length === 0) {
  console.log(`No import cycles in ${graph.size} files.`);
} else {
  for (const component of components) {
    const name = (f) => relative(root, f);
    console.error(
      `Import cycle (${component.length} files): ${cycleThrough(component).map(name).join(' → ')}`,
    );
    if (component.length > 2) console.error(`  files in it: ${component.map(name).sort().join(', ')}`);
  }
  process.exitCode = 1;
}
