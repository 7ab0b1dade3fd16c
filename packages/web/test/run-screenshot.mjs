// Runs screenshot.ts through Vite's module runner (TypeScript, workspace imports) on plain Node.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

await runnerImport(fileURLToPath(new URL('./screenshot.ts', import.meta.url)));
