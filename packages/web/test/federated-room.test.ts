import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNote } from '../../server/test/fixtures/mastodon-activities';
import { chatWithSession } from '../../server/test/live-helpers';
import { type Instance, startInstances } from '../../server/test/support/federation';
import { MastodonPeer } from '../../server/test/support/mastodon-peer';
import {
  assertWebBuilt,
  launchChromium,
  signUpThroughUi,
  statusArticle,
  waitForLive,
} from './support/browser';

const POLL = { timeout: 10_000, interval: 100 };

describe('a remote participant in the room', () => {
  let a: Instance;
  let peer: MastodonPeer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    assertWebBuilt();
    [[a], peer, browser] = await Promise.all([
      startInstances(1),
      new MastodonPeer().start(),
      launchChromium(),
    ]);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await peer?.close();
    await a?.close();
  });

  for (const [label, viewport, colorScheme] of [
    ['phone, dark', { width: 390, height: 844 }, 'dark'],
    ['desktop, light', { width: 1440, height: 900 }, 'light'],
  ] as const) {
    it(`shows their full handle and server, linked to their profile there (${label})`, async () => {
      const { host, hashtag } = await chatWithSession(a, { live: true });
      const context = await browser.newContext({ viewport, colorScheme });
      contexts.push(context);
      const page = await signUpThroughUi(
        context,
        a.url,
        `viewer${Math.random().toString(36).slice(2, 8)}`,
        `/tags/${hashtag}`,
      );
      await waitForLive(page);

      // The peer answers from its own app: its server delivers the note to this one.
      const hostUri = `${a.url}/users/${host.username.toLowerCase()}`;
      const n = `${Date.now()}${Math.random().toString(36).slice(2, 6)}`;
      const note = createNote(peer, {
        n,
        inReplyTo: null,
        mention: { href: hostUri, name: `@${host.username}@${a.host}`, url: `${a.url}/@${host.username}` },
        hashtag,
        text: `Reading on the ferry ${n}`,
      });
      expect((await peer.send(`${a.url}/inbox`, note)).status).toBe(202);

      const peerHost = new URL(peer.origin).host;
      const article = statusArticle(page, `Reading on the ferry ${n}`);
      await article.waitFor();
      await expect
        .poll(() => article.locator('.status-acct').textContent(), POLL)
        .toBe(`@${peer.user}@${peerHost}`);
      const there = article.getByRole('link', { name: `on ${peerHost}`, exact: true });
      expect(await there.getAttribute('href')).toBe(`${peer.origin}/@${peer.user}`);
      // The card fits the screen: the server link takes no room from the phone layout.
      const box = await article.boundingBox();
      expect(box && box.x + box.width <= viewport.width).toBe(true);

      // Their name opens their profile here, which names their server and links to it too.
      await article.locator('.status-author').click();
      await page.waitForURL((url) => url.pathname === `/@${peer.user}@${peerHost}`);
      const profileThere = page.getByRole('link', { name: 'Their profile there' });
      await profileThere.waitFor();
      expect(await profileThere.getAttribute('href')).toBe(`${peer.origin}/@${peer.user}`);
      expect(await page.locator('.profile-remote').textContent()).toContain(`On ${peerHost}`);
      // Their statuses there carry the same link to their server.
      const card = statusArticle(page, `Reading on the ferry ${n}`);
      expect(await card.getByRole('link', { name: `on ${peerHost}`, exact: true }).getAttribute('href')).toBe(
        `${peer.origin}/@${peer.user}`,
      );
    });
  }
});
