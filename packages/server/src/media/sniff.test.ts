import { describe, expect, it } from 'vitest';
import { sniffImage } from './sniff';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

describe('sniffImage', () => {
  it.each([
    ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0]), 'jpeg'],
    ['a PNG', bytes([0x89], 'PNG\r\n\x1a\n'), 'png'],
    ['a GIF89a', bytes('GIF89a'), 'gif'],
    ['a GIF87a', bytes('GIF87a'), 'gif'],
    ['a WebP', bytes('RIFF', [0, 0, 0, 0], 'WEBP'), 'webp'],
    ['a WAV (RIFF but not WebP)', bytes('RIFF', [0, 0, 0, 0], 'WAVE'), null],
    ['an SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg">'), null],
    ['an HTML page', bytes('<!doctype html>'), null],
    ['nothing', bytes(), null],
  ])('%s → %s', (_name, head, format) => {
    expect(sniffImage(head)).toBe(format);
  });
});
