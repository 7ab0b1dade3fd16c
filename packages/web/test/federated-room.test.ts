import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNote } from '../../server/test/fixtures/mastodon-activities';
import { chatWithSession } from '../../server/test/live-helpers';
import { registerUser } from '../../server/test/support/client';
import { type Instance, startInstances } from '../../server/test/support/federation';
import { MastodonPeer } from '../../server/test/support/mastodon-peer';
import {
  apiFrom,
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

  it("lets the host send a report about the remote participant's status on to their server from the queue", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    contexts.push(context);
    const host = await signUpThroughUi(
      context,
      a.url,
      `host${Math.random().toString(36).slice(2, 8)}`,
      '/chats',
    );
    const hashtag = `fedq${Math.random().toString(36).slice(2, 8)}`;
    const chat = await apiFrom<{ id: string }>(host, 'POST', '/api/v1/chats', {
      hashtag,
      title: 'Fed queue',
      time_zone: 'UTC',
    });
    const session = await apiFrom<{ id: string }>(host, 'POST', `/api/v1/chats/${chat.id}/sessions`, {
      starts_at: new Date(Date.now() + 30 * 60_000).toISOString(),
      duration_minutes: 60,
    });
    await apiFrom(host, 'POST', `/api/v1/sessions/${session.id}/start`, {});
    const hostAccount = await apiFrom<{ username: string }>(
      host,
      'GET',
      '/api/v1/accounts/verify_credentials',
    );
    const hostUri = `${a.url}/users/${hostAccount.username.toLowerCase()}`;
    const n = `${Date.now()}q`;
    const note = createNote(peer, {
      n,
      inReplyTo: null,
      mention: {
        href: hostUri,
        name: `@${hostAccount.username}@${a.host}`,
        url: `${a.url}/@${hostAccount.username}`,
      },
      hashtag,
      text: 'Followers for sale',
    });
    expect((await peer.send(`${a.url}/inbox`, note)).status).toBe(202);
    const reporter = await registerUser(a.url);
    let statusId = '';
    await expect
      .poll(async () => {
        const tag = (await reporter.api.get(`/api/v1/timelines/tag/${hashtag}`)).body as {
          id: string;
          uri: string;
        }[];
        statusId = tag.find((s) => s.uri === note.object.id)?.id ?? '';
        return statusId;
      }, POLL)
      .not.toBe('');
    const filed = await reporter.api.post(`/api/v1/chats/${chat.id}/reports`, {
      status_id: statusId,
      category: 'spam',
      comment: 'Selling followers',
    });
    expect(filed.status).toBe(200);

    await host.goto(`${a.url}/sessions/${session.id}/moderation`);
    const peerHost = new URL(peer.origin).host;
    const item = host
      .getByRole('list', { name: 'Waiting for review' })
      .getByRole('listitem')
      .filter({ hasText: 'Selling followers' });
    const send = item.getByRole('button', { name: `Send to ${peerHost}` });
    await send.waitFor();
    await send.focus();
    await host.keyboard.press('Enter');
    const done = item.getByRole('status').filter({ hasText: `Sent to ${peerHost}.` });
    await done.waitFor();
    await expect.poll(() => done.evaluate((el) => el === document.activeElement), POLL).toBe(true);
    const flag = await peer.next('Flag', (r) => r.json.content === 'Selling followers');
    expect([flag.json.object].flat()).toEqual([`${peer.origin}/users/${peer.user}`, note.object.id]);
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
