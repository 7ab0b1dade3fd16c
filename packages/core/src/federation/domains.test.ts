import { describe, expect, it } from 'vitest';
import { domainCandidates, normalizeDomain, obfuscateDomain } from './domains';

describe('normalizeDomain', () => {
  it.each([
    ['example.com', 'example.com'],
    ['Example.COM', 'example.com'],
    ['example.com.', 'example.com'],
    ['  spam.example  ', 'spam.example'],
    ['https://Mastodon.Example/about', 'mastodon.example'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['BÜCHER.example.', 'xn--bcher-kva.example'],
    ['example.com:8443', 'example.com:8443'],
    ['example.com:443', 'example.com:443'],
    ['127.0.0.1:4001', '127.0.0.1:4001'],
    ['', null],
    ['exa mple.com', null],
    ['-bad.example', null],
    ['bad..example', null],
    ['user@example.com', null],
    ['*.example.com', null],
    ['example.com:99999', null],
  ])('%j → %j', (input, expected) => {
    expect(normalizeDomain(input)).toBe(expected);
  });
});

describe('domainCandidates', () => {
  it.each([
    ['example.com', ['example.com', 'com']],
    ['a.b.example.com', ['a.b.example.com', 'b.example.com', 'example.com', 'com']],
    ['social.example:8443', ['social.example:8443', 'social.example', 'example']],
    ['127.0.0.1:4001', ['127.0.0.1:4001', '127.0.0.1']],
  ])('%s → %j', (host, expected) => {
    expect(domainCandidates(host)).toEqual(expected);
  });
});

describe('obfuscateDomain', () => {
  it.each([
    ['example.com', 'exa****.*om'],
    ['spam.example.org', 'spam.*******.org'],
    ['a.io', 'a.*o'],
  ])('%s → %s', (domain, expected) => {
    expect(obfuscateDomain(domain)).toBe(expected);
  });
});
