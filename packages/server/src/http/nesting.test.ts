import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from './nesting';

const nestedArrays = (depth: number) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);
const nestedObjects = (depth: number) => JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

describe('nestsDeeperThan', () => {
  // Values are built lazily: the runner prints each row, and a deep value would overflow it.
  it.each<[string, () => unknown, boolean]>([
    ['a flat object', () => ({ a: 1, b: 'x' }), false],
    ['a scalar', () => 'text', false],
    ['null', () => null, false],
    ['32 levels of arrays under a key', () => ({ x: nestedArrays(31) }), false],
    ['33 levels of arrays under a key', () => ({ x: nestedArrays(32) }), true],
    ['32 levels of objects', () => nestedObjects(32), false],
    ['33 levels of objects', () => nestedObjects(33), true],
    ['100,000 levels of arrays', () => ({ x: nestedArrays(100_000) }), true],
    ['a form key with 31 brackets', () => ({ [`a${'[b]'.repeat(31)}`]: '1' }), false],
    ['a form key with 32 brackets', () => ({ [`a${'[b]'.repeat(32)}`]: '1' }), true],
    ['a form key with 5,000 brackets', () => ({ [`a${'[b]'.repeat(5000)}`]: '1' }), true],
    ['a buffer', () => ({ f: Buffer.alloc(10) }), false],
  ])('%s → %s', (_name, value, expected) => {
    expect(nestsDeeperThan(value(), 32)).toBe(expected);
  });
});
