import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openApiDocument } from '@hashchat/api/openapi';
import { operationParameters } from '@hashchat/api/operation-parameters';
import { describe, expect, it } from 'vitest';

/**
 * docs/api.md's table of the Mastodon subset names each route's parameters; they are the
 * request schemas' (via the OpenAPI document), so the doc cannot drift from what routes take.
 * `UPDATE_API_DOC=1 npx vitest run packages/server/test/api-doc.test.ts` rewrites the column
 * (then `npx biome format --write docs/api.md`).
 */
const DOC = path.resolve(import.meta.dirname, '../../../docs/api.md');
const HEADER = /^\| method +\| path +\| parameters +\| notes +\|$/;

const cells = (line: string) =>
  line
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
const parametersCell = (names: string[]) =>
  names.length === 0 ? '–' : names.map((n) => `\`${n.replace(/\|/g, '\\|')}\``).join(', ');

describe('docs/api.md: the Mastodon subset table', () => {
  const params = operationParameters(openApiDocument({ version: 'doc' }));
  const lines = readFileSync(DOC, 'utf8').split('\n');
  const start = lines.findIndex((l) => HEADER.test(l));
  const rows: number[] = [];
  for (let i = start + 2; start >= 0 && lines[i]?.startsWith('| '); i++) rows.push(i);

  it('has its parameters column, one row per route', () => {
    expect(start).toBeGreaterThan(0);
    expect(rows.length).toBeGreaterThan(100);
    for (const i of rows) {
      const [method, route] = cells(lines[i]);
      expect(params.has(`${method} ${route.replace(/`/g, '')}`), `${method} ${route}`).toBe(true);
    }
  });

  it('names the parameters each route’s request schemas take', () => {
    const wrong: string[] = [];
    for (const i of rows) {
      const [method, route, given, ...notes] = cells(lines[i]);
      const expected = parametersCell(params.get(`${method} ${route.replace(/`/g, '')}`) ?? []);
      if (given === expected) continue;
      wrong.push(`${method} ${route}: ${given} ≠ ${expected}`);
      lines[i] = `| ${[method, route, expected, ...notes].join(' | ')} |`;
    }
    if (process.env.UPDATE_API_DOC && wrong.length > 0) writeFileSync(DOC, lines.join('\n'));
    else expect(wrong).toEqual([]);
  });
});
