import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('TRUSTED_PROXIES', () => {
  it.each([
    [undefined, []],
    ['', []],
    ['127.0.0.1', ['127.0.0.1']],
    [' 10.0.0.0/8 , ::1,fd00::/8 ', ['10.0.0.0/8', '::1', 'fd00::/8']],
  ])('%j trusts %j', (value, expected) => {
    expect(loadConfig({ TRUSTED_PROXIES: value }).trustedProxies).toEqual(expected);
  });

  it.each(['true', '*', 'proxy.example', '10.0.0.0/33', '::1/129', '10.0.0.1/8/8', '10.0.0.0/x'])(
    '%j is refused at start',
    (value) => {
      expect(() => loadConfig({ TRUSTED_PROXIES: value })).toThrow(/TRUSTED_PROXIES/);
    },
  );
});

describe('FEDERATION_MODE', () => {
  it.each([
    [undefined, 'open'],
    ['open', 'open'],
    ['allowlist', 'allowlist'],
  ])('%j federates in mode %j', (value, expected) => {
    expect(loadConfig({ FEDERATION_MODE: value }).federationMode).toBe(expected);
  });

  it.each(['closed', 'allow-list', 'ALLOWLIST'])('%j is refused at start', (value) => {
    expect(() => loadConfig({ FEDERATION_MODE: value })).toThrow(/FEDERATION_MODE/);
  });
});
