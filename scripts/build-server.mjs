// Bundles the server (with @hashchat/core inlined) into ESM files; npm dependencies stay external.

import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../packages/server/package.json', import.meta.url), 'utf8'));
// Workspace packages (@hashchat/core) are TypeScript sources: inline them, never leave them external.
// Fedify's own packages (@fedify/vocab, which @fedify/fedify depends on) stay external too, even
// when only reached through @fedify/fedify: inlined, they would be a second copy of its classes,
// and Fedify's `instanceof CryptographicKey` would refuse our keys (every actor document a 500).
const external = [
  ...Object.keys(pkg.dependencies ?? {}).filter((d) => !d.startsWith('@hashchat/')),
  '@fedify/*',
];

await build({
  entryPoints: ['packages/server/src/main.ts'],
  // main.js checks the Node.js version, then loads the rest from a chunk of its own, so that an
  // old Node prints one clear line instead of failing inside a dependency.
  outdir: 'packages/server/dist',
  splitting: true,
  chunkNames: '[name]-[hash]', // beside main.js: paths from import.meta stay as in src/
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  sourcemap: true,
  external,
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
});
