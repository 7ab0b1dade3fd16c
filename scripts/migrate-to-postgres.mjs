// `npm run migrate-to-postgres -- --from <sqlite file> --to <postgres url> [--force]`:
// bundles the command like the server (scripts/build-server.mjs) and runs it.

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('packages/server/package.json', root), 'utf8'));
const outfile = new URL('packages/server/dist/migrate-to-postgres.js', root);

await build({
  entryPoints: [new URL('packages/server/src/cli/run-migrate-to-postgres.ts', root).pathname],
  outfile: outfile.pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  sourcemap: true,
  external: Object.keys(pkg.dependencies ?? {}).filter((d) => !d.startsWith('@hashchat/')),
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
});
await import(pathToFileURL(outfile.pathname).href);
