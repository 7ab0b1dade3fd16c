import { main } from './migrate-to-postgres';

// Entry point of the bundled command (scripts/migrate-to-postgres.mjs).
process.exitCode = await main(process.argv.slice(2));
