import { describe, expect, it } from 'vitest';
import { invalidChoices } from './poll-rules';

describe('invalidChoices', () => {
  it.each([
    [[0], 2, false, null],
    [[1], 2, false, null],
    [[0, 2], 3, true, null],
    [[], 2, false, 'must not be empty'],
    [[2], 2, false, 'does not have'],
    [[-1], 2, false, 'does not have'],
    [[0.5], 2, false, 'does not have'],
    [[0, 0], 2, true, 'twice'],
    [[0, 1], 2, false, 'one choice'],
  ] as const)('%j of %i options (multiple: %s) → %s', (choices, n, multiple, why) => {
    const r = invalidChoices([...choices], n, multiple);
    if (why === null) expect(r).toBeNull();
    else expect(r).toContain(why);
  });
});
