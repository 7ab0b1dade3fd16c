import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/test/support/oauth';
import type { Seeded } from '../../server/test/transcript-seed';
import { PASSWORD } from './support/browser';
import { seededChromium } from './support/seeded-chromium';

declare global {
  interface Window {
    __violations: { directive: string; blocked: string }[];
    __ran?: boolean;
  }
}

/**
 * The pages under their Content-Security-Policy in Chromium: the policy is enforced, and the
 * main pages, signed out and signed in, render without a single violation.
 */
describe('Content-Security-Policy in a browser', () => {
  const env = seededChromium();
  let seed: Seeded;
  beforeAll(() => {
    seed = env.seed();
  });

  /** A page that records every CSP violation from its first script on. */
  async function newPage(signedInAs?: string): Promise<Page> {
    const context = await env.newContext({ viewport: { width: 1100, height: 900 } });
    await context.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }),
      );
    });
    if (signedInAs) {
      const res = await context.request.post(`${seed.server.url}/api/v1/auth/sign_in`, {
        data: { login: signedInAs, password: PASSWORD },
      });
      expect(res.status()).toBe(200);
    }
    return context.newPage();
  }

  /** Opens `path`, waits for its main heading, and returns the violations it caused. */
  async function visit(page: Page, path: string) {
    const response = await page.goto(`${seed.server.url}${path}`);
    expect(response?.headers()['content-security-policy']).toBeTruthy();
    await page.locator('h1').first().waitFor();
    return page.evaluate(() => window.__violations);
  }

  it('is enforced: an injected inline script does not run, an inline style attribute is refused', async () => {
    const page = await newPage();
    await visit(page, '/chats');
    const violations = await page.evaluate(async () => {
      const reported = new Promise<void>((resolve) => {
        let n = 0;
        document.addEventListener('securitypolicyviolation', () => ++n === 2 && resolve());
      });
      const script = document.createElement('script');
      script.textContent = 'window.__ran = true';
      document.head.append(script);
      const div = document.createElement('div');
      div.innerHTML = '<p style="color: red">styled</p>';
      document.body.append(div);
      await reported;
      return window.__violations;
    });
    expect(await page.evaluate(() => window.__ran)).toBeUndefined();
    expect(violations.map((v) => `${v.directive} ${v.blocked}`).sort()).toEqual([
      'script-src-elem inline',
      'style-src-attr inline',
    ]);
  });

  it('signed out, the main pages cause no violation', async () => {
    const page = await newPage();
    const pages = [
      '/',
      '/chats',
      `/chats/${seed.chatId}`,
      `/tags/${seed.tag}`,
      `/sessions/${seed.sessionId}`,
      `/sessions/${seed.sessionId}/recap`,
      '/auth/sign-in',
      '/auth/sign-up',
    ];
    for (const path of pages)
      expect({ path, violations: await visit(page, path) }).toEqual({ path, violations: [] });
    // The room's stream is connected (connect-src) and React's style props apply (CSSOM, not attributes).
    await visit(page, `/tags/${seed.tag}`);
    await page.locator('.stream-live').waitFor();
    const avatar = page.locator('.avatar').first();
    expect(await avatar.evaluate((e) => getComputedStyle(e).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
  });

  it('signed in as the host, the main pages cause no violation', async () => {
    const page = await newPage(seed.users.host.username);
    const pages = [
      '/home',
      '/notifications',
      '/settings',
      `/sessions/${seed.sessionId}/console`,
      `/sessions/${seed.sessionId}/moderation`,
      `/chats/${seed.chatId}/stats`,
      `/tags/${seed.tag}`,
    ];
    for (const path of pages)
      expect({ path, violations: await visit(page, path) }).toEqual({ path, violations: [] });
  });

  it('the OAuth consent page causes no violation, and its form leads on to the app on another origin', async () => {
    // Nothing listens there: the browser setting off for it is what shows form-action allowed it.
    const redirect = 'http://localhost:1/callback';
    const app = await createApp(seed.server.url, 'read', redirect);
    const page = await newPage(seed.users.ann.username);
    const q = new URLSearchParams({
      response_type: 'code',
      client_id: app.client_id,
      redirect_uri: redirect,
      scope: 'read',
    });
    expect(await visit(page, `/oauth/authorize?${q}`)).toEqual([]);
    const leaving = page.waitForRequest((r) => r.url().startsWith(`${redirect}?code=`), { timeout: 10_000 });
    await page.getByRole('button', { name: 'Authorize' }).click();
    await leaving;
  });
});
