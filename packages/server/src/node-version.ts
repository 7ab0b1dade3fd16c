/** The Node.js lines Hashchat runs on; package.json's `engines` says the same. */
export const SUPPORTED_NODE = '22.12 or newer (Node.js 22 or 24 LTS)';

/**
 * Why this Node.js cannot run Hashchat, or null when it can. The server checks before it loads
 * anything else: on Node 20 the SQLite driver crashes the process instead of failing cleanly.
 */
export function nodeVersionProblem(version: string): string | null {
  const m = /^v?(\d+)\.(\d+)\./.exec(version);
  if (!m) return null;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (major > 22 || (major === 22 && minor >= 12)) return null;
  return `Hashchat needs Node.js ${SUPPORTED_NODE}; this is Node.js ${version.replace(/^v/, '')}. See README.md, "Run it".`;
}
