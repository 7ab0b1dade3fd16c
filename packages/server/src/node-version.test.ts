import { describe, expect, it } from 'vitest';
import { nodeVersionProblem } from './node-version';

describe('nodeVersionProblem', () => {
  it.each([
    ['v20.20.2', false],
    ['v22.11.0', false],
    ['v18.19.0', false],
    ['v22.12.0', true],
    ['v22.23.5', true],
    ['v23.0.0', true],
    ['v24.22.3', true],
    ['v26.1.0', true],
  ])('%s can run Hashchat: %s', (version, ok) => {
    expect(nodeVersionProblem(version) === null).toBe(ok);
  });

  it('names the version it needs and the one it found, on one line', () => {
    const line = nodeVersionProblem('v20.20.2');
    expect(line).toMatch(/Node\.js 22\.12/);
    expect(line).toMatch(/20\.20\.2/);
    expect(line).not.toMatch(/\n/);
  });
});
