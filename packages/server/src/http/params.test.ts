import { describe, expect, it } from 'vitest';
import { normalizeParams, refuseUnsupported, withQueryParams } from './params';

describe('normalizeParams', () => {
  it.each([
    [
      'a repeated scalar keeps its last value',
      { limit: ['5', '2'], max_id: '9' },
      true,
      { limit: '2', max_id: '9' },
    ],
    ['`key[]` stays an array, even with one value', { 'id[]': '3' }, true, { id: ['3'] }],
    ['`key[]` given twice is both values', { 'id[]': ['3', '4'] }, true, { id: ['3', '4'] }],
    ['`key[n]` folds into the same array', { 'a[0]': 'x', 'a[1]': 'y' }, true, { a: ['x', 'y'] }],
    ['a JSON array stays an array', { media_ids: ['1', '2'] }, false, { media_ids: ['1', '2'] }],
  ])('%s', (_name, input, lastOfRepeated, expected) => {
    expect(normalizeParams(input, lastOfRepeated)).toEqual(expected);
  });
});

describe('withQueryParams', () => {
  it.each([
    ['query only', { status: 'hi' }, undefined, { status: 'hi' }],
    ['the body wins on a conflict', { status: 'query' }, { status: 'body' }, { status: 'body' }],
    ['both merged', { visibility: 'unlisted' }, { status: 'hi' }, { visibility: 'unlisted', status: 'hi' }],
    ['access_token never moves into the body', { access_token: 't', status: 'hi' }, {}, { status: 'hi' }],
    ['authenticity_token never moves into the body', { authenticity_token: 't' }, { a: '1' }, { a: '1' }],
    ['nothing to merge leaves the body as it was', {}, undefined, undefined],
  ])('%s', (_name, query, body, expected) => {
    expect(withQueryParams(query, body)).toEqual(expected);
  });
});

describe('refuseUnsupported', () => {
  const names = ['scheduled_at', 'poll', 'media_ids'];
  it.each([
    [{ scheduled_at: '2030-01-01T00:00:00Z' }, 'scheduled_at'],
    [{ poll: { options: ['a', 'b'], expires_in: 300 } }, 'poll'],
    [{ 'poll[options]': ['a', 'b'], 'poll[expires_in]': '300' }, 'poll'],
    [{ media_ids: ['1'] }, 'media_ids'],
  ])('refuses %j naming %s', (input, name) => {
    expect(() => refuseUnsupported(input, names)).toThrow(
      `Validation failed: ${name} is not supported by this server`,
    );
  });

  it.each([
    [{ status: 'hi', _: '1700000000' }],
    [{ scheduled_at: null, poll: null, media_ids: [] }],
    [{ scheduled_at: '', media_ids: [''] }],
  ])('lets %j through', (input) => {
    expect(() => refuseUnsupported(input, names)).not.toThrow();
  });
});
