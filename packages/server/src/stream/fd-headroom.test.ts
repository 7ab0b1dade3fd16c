import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FdWatch, readFdLimit, streamCapFor } from './fd-headroom';

describe('readFdLimit', () => {
  it.each([
    ['Max open files            1024                 524288               files     \n', 1024],
    ['Max open files            unlimited            unlimited            files     \n', null],
    ['Max processes             63439                63439                processes \n', null],
  ])('reads the soft limit from %j', (line, limit) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'limits-')), 'limits');
    fs.writeFileSync(
      file,
      `Limit                     Soft Limit           Hard Limit           Units     \n${line}`,
    );
    expect(readFdLimit(file)).toBe(limit);
  });

  it('reads this process’s own limit on Linux', () => {
    if (process.platform === 'linux') expect(readFdLimit()).toBeGreaterThan(0);
    else expect(readFdLimit()).toBeNull();
  });
});

describe('streamCapFor', () => {
  it.each([
    [1024, 768], // a quarter kept
    [256, 128], // at least 128 kept
    [100, 0],
    [1_048_576, 786_432],
    [null, Number.POSITIVE_INFINITY],
  ])('a limit of %s leaves %s streams', (limit, cap) => {
    expect(streamCapFor(limit)).toBe(cap);
  });
});

describe('FdWatch', () => {
  it('warns once on the way past 80 % of the limit, and again only after falling below 70 %', async () => {
    const warnings: unknown[] = [];
    let open = 0;
    const watch = new FdWatch(1000, { warn: (obj) => warnings.push(obj) }, async () => open);
    for (const n of [500, 799, 800, 950, 750, 699, 810]) {
      open = n;
      await watch.check();
    }
    expect(warnings).toEqual([
      { openFds: 800, fdLimit: 1000 },
      { openFds: 810, fdLimit: 1000 },
    ]);
  });
});
