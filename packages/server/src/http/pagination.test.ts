import { describe, expect, it } from 'vitest';
import { linkHeader } from './pagination';

describe('linkHeader', () => {
  it('pages older with max_id and newer with min_id, keeping the other parameters', () => {
    const h = linkHeader(
      'https://x.example',
      '/api/v1/timelines/home',
      { limit: 2, max_id: 9, local: true },
      ['8', '5'],
    );
    expect(h).toBe(
      '<https://x.example/api/v1/timelines/home?limit=2&local=true&max_id=5>; rel="next", ' +
        '<https://x.example/api/v1/timelines/home?limit=2&local=true&min_id=8>; rel="prev"',
    );
  });

  it('never copies an access token into the header', () => {
    const h = linkHeader('https://x.example', '/api/v1/favourites', { access_token: 'secret', limit: 1 }, [
      '3',
    ]);
    expect(h).not.toContain('secret');
    expect(h).not.toContain('access_token');
  });

  it('is absent for an empty page', () => {
    expect(linkHeader('https://x.example', '/api/v1/favourites', {}, [])).toBeNull();
  });
});
