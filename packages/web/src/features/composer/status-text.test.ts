import { describe, expect, it } from 'vitest';
import { containsTag, statusLength, withRoomTag } from './status-text';

describe('withRoomTag', () => {
  it.each([
    ['hello', 'xyz', 'hello #xyz'],
    ['hello  \n', 'xyz', 'hello #xyz'],
    ['', 'xyz', '#xyz'],
    ['talking #xyz here', 'xyz', 'talking #xyz here'],
    ['shouting #XYZ', 'xyz', 'shouting #XYZ'],
    ['#xyzabc is another tag', 'xyz', '#xyzabc is another tag #xyz'],
    ['mail foo#xyz', 'xyz', 'mail foo#xyz #xyz'],
    ['hello', undefined, 'hello'],
  ])('%j in room %s becomes %j', (text, tag, expected) => {
    expect(withRoomTag(text, tag)).toBe(expected);
  });
});

describe('containsTag', () => {
  it.each([
    ['#Chat', 'chat', true],
    ['#chat2', 'chat', false],
    ['no tag', 'chat', false],
  ])('%j contains #%s: %s', (text, tag, expected) => {
    expect(containsTag(text, tag)).toBe(expected);
  });
});

describe('statusLength', () => {
  it.each([
    ['hello', 5],
    ['héllo 👋', 7],
    [`see https://example.com/${'a'.repeat(80)}`, 4 + 23],
    ['@alice@remote.example hi', 9],
  ])('%j counts %i', (text, expected) => {
    expect(statusLength(text)).toBe(expected);
  });
});
