import { nodeVersionProblem } from './node-version';

// The version check runs before the server's modules (and their native addons) are loaded:
// the build keeps them in a separate chunk that only this dynamic import brings in.
const problem = nodeVersionProblem(process.version);
if (problem) {
  console.error(problem);
  process.exitCode = 1;
} else {
  await import('./start');
}
