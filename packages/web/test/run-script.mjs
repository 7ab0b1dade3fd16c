// Runs a TypeScript script of this folder (screenshots.ts, vitals.ts) through Vite's module
// runner (TypeScript, workspace imports) on plain Node: `node packages/web/test/run-script.mjs vitals.ts`.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const name = process.argv[2];
if (!name || !/^[a-z-]+\.ts$/.test(name)) throw new Error('usage: run-script.mjs <script>.ts [args]');
await runnerImport(fileURLToPath(new URL(`./${name}`, import.meta.url)));
