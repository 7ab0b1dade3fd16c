import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../server/test/support/test-server';
import {
  apiFrom,
  assertWebBuilt,
  launchChromium,
  replyTo,
  signUpThroughUi,
  waitForLive,
} from './support/browser';

const POLL = { timeout: 15_000, interval: 100 };
const TAG = 'TeaTime';
const QUESTIONS = [
  'Which tea do you drink today?',
  'What do you eat with your tea?',
  'Where do you buy tea?',
];

/**
 * The texts of the statuses in a list of the page, in order, once the reader has caught up:
 * statuses that arrived while the page was scrolled away wait behind the "N new posts" bar.
 */
async function texts(page: Page, listName: string): Promise<string[]> {
  const bar = page.locator('.new-posts-button');
  if (await bar.isVisible()) await bar.click();
  return page
    .getByRole('list', { name: listName, exact: true })
    .first()
    .locator('article .status-content')
    .allInnerTexts();
}

describe('a live session with a host and two participants', () => {
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let host: Page;
  let ann: Page;
  let bob: Page;
  let sessionId: string;

  beforeAll(async () => {
    assertWebBuilt();
    [server, browser] = await Promise.all([
      startTestServer({ env: { JOBS_POLL_MS: '100' } }),
      launchChromium(),
    ]);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await server?.close();
  });

  async function newContext(): Promise<BrowserContext> {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1400, height: 1000 } });
    contexts.push(context);
    return context;
  }

  it('a host prepares three questions in the console and makes the agenda public', async () => {
    host = await signUpThroughUi(await newContext(), server.url, 'host_l', '/chats');
    const chat = await apiFrom<{ id: string }>(host, 'POST', '/api/v1/chats', {
      hashtag: TAG,
      title: 'Tea Time',
      time_zone: 'UTC',
    });
    // Within the hour, so the room counts down to it.
    const start = new Date(Math.ceil((Date.now() + 30 * 60_000) / 60_000) * 60_000);
    const session = await apiFrom<{ id: string }>(host, 'POST', `/api/v1/chats/${chat.id}/sessions`, {
      starts_at: start.toISOString(),
      duration_minutes: 60,
    });
    sessionId = session.id;

    // The chat page leads its hosts to the console.
    await host.goto(`${server.url}/chats/${chat.id}`);
    await host.getByRole('link', { name: 'Host console' }).first().click();
    await host.waitForURL((url) => url.pathname === `/sessions/${sessionId}/console`);
    await host.getByRole('heading', { level: 1, name: /#TeaTime/ }).waitFor();

    for (const [i, text] of QUESTIONS.entries()) {
      await host.getByLabel('New question').fill(text);
      // Q1 goes out at the start by itself; Q2 and Q3 when the host presses Next.
      await host
        .getByLabel('Minutes after the start')
        .last()
        .fill(i === 0 ? '0' : '');
      const created = host.waitForResponse(
        (r) => r.url().endsWith(`/api/v1/sessions/${sessionId}/questions`) && r.request().method() === 'POST',
      );
      await host.getByRole('button', { name: 'Add to agenda' }).click();
      expect((await created).status()).toBe(200);
    }
    const agenda = host.getByRole('list', { name: 'Agenda', exact: true });
    await expect.poll(() => agenda.getByRole('listitem').count(), POLL).toBe(3);
    const items = await agenda.getByRole('listitem').allInnerTexts();
    expect(items[0]).toMatch(/^Q1\s+Scheduled · at the start · in \d+:\d\d/);
    expect(items[1]).toMatch(/^Q2\s+Draft · by Next/);
    expect(items[2]).toContain(QUESTIONS[2]);

    await host.getByLabel('Participants may read the questions before they are asked').check();
    await expect
      .poll(
        async () =>
          (await apiFrom<{ agenda_public: boolean }>(host, 'GET', `/api/v1/sessions/${sessionId}`))
            .agenda_public,
        POLL,
      )
      .toBe(true);
  });

  it('participants wait in the room with a countdown and read the questions to come', async () => {
    ann = await signUpThroughUi(await newContext(), server.url, 'ann_l', `/tags/${TAG}`);
    bob = await signUpThroughUi(await newContext(), server.url, 'bob_l', `/tags/${TAG}`);
    for (const page of [ann, bob]) {
      await page
        .getByRole('region', { name: "This room's chat" })
        .getByText(/Starts in \d+:\d\d/)
        .waitFor();
      await page.getByRole('list', { name: 'Questions coming up' }).getByText(QUESTIONS[1]).waitFor();
      expect(await page.getByRole('region', { name: 'Current question' }).textContent()).toContain(
        'The questions start when the session does.',
      );
    }
  });

  it('starting the session publishes Q1 at +0; an answer from its card lands under it', async () => {
    await host.getByRole('button', { name: 'Start now' }).click();
    for (const page of [ann, bob]) {
      const banner = page.getByRole('region', { name: 'Current question' });
      await expect.poll(() => banner.textContent(), POLL).toContain(QUESTIONS[0]);
      expect(await banner.textContent()).toMatch(/^\s*Q1/);
      await waitForLive(page);
    }

    const card = ann.getByRole('region', { name: 'Question 1' });
    await card.getByRole('button', { name: 'Answer Q1' }).click();
    const box = card.getByLabel('Your answer to Q1');
    expect(await box.inputValue()).toBe('A1 ');
    await box.press('End');
    await box.pressSequentially('green tea, always');
    const request = ann.waitForRequest((r) => r.url().endsWith('/api/v1/statuses') && r.method() === 'POST');
    await card.getByRole('button', { name: 'Post answer' }).click();
    expect(JSON.parse((await request).postData() ?? '{}')).toMatchObject({
      status: `A1 green tea, always #${TAG}`,
    });

    // Bob sees it arrive live under Q1's card.
    await expect.poll(() => texts(bob, 'Answers to Q1'), POLL).toEqual([`A1 green tea, always #${TAG}`]);
    expect(await bob.getByRole('list', { name: 'Answers to Q1' }).locator('.kind-answer').textContent()).toBe(
      'A1Answer to question 1',
    );
  });

  it('Next (the n key) publishes Q2; a reply to Q2 lands under Q2, not under Q1', async () => {
    await host.locator('body').click({ position: { x: 5, y: 5 } });
    const agendaItems = await apiFrom<{ id: string; position: number }[]>(
      host,
      'GET',
      `/api/v1/sessions/${sessionId}/questions`,
    );
    const q2Item = agendaItems.sort((a, b) => a.position - b.position)[1];
    const sent: unknown[] = [];
    host.on('request', (r) => {
      if (r.url().endsWith(`/api/v1/sessions/${sessionId}/next`)) sent.push(r.postDataJSON());
    });
    const next = host.waitForResponse((r) => r.url().endsWith(`/api/v1/sessions/${sessionId}/next`));
    // The console learns over its stream that Q1 is out; until then it still offers Q1 (a
    // loaded machine can take a moment), and the server would refuse that press as stale.
    await expect.poll(() => host.locator('.next-bar .muted').textContent(), POLL).toContain(QUESTIONS[1]);
    // A double press names the item the console shows as next, so only Q2 goes out.
    await host.keyboard.press('n');
    await host.keyboard.press('n');
    expect((await next).status()).toBe(200);
    expect(sent.length).toBeGreaterThan(0);
    for (const body of sent) expect(body).toEqual({ expected_id: q2Item.id });
    const bobBanner = bob.getByRole('region', { name: 'Current question' });
    await expect.poll(() => bobBanner.textContent(), POLL).toContain(QUESTIONS[1]);

    const q2 = bob.getByRole('region', { name: 'Question 2' });
    await replyTo(bob, q2.getByRole('article').first(), 'host_l', 'scones with clotted cream');

    await expect
      .poll(() => texts(ann, 'Answers to Q2'), POLL)
      .toEqual([expect.stringContaining('scones with clotted cream')]);
    expect(await texts(ann, 'Answers to Q1')).toEqual([`A1 green tea, always #${TAG}`]);

    // Q3 by the Next button (the double press left it unpublished); then a comment that answers nothing.
    await host.getByRole('button', { name: 'Next: Q3' }).click();
    await expect.poll(() => bobBanner.textContent(), POLL).toContain(QUESTIONS[2]);
    await ann.getByLabel(`Post to #${TAG}`).fill('What a lovely chat');
    await ann.getByRole('button', { name: 'Post', exact: true }).click();
    await expect.poll(() => texts(bob, 'Statuses'), POLL).toContain(`What a lovely chat #${TAG}`);
    const agenda = host.getByRole('list', { name: 'Agenda', exact: true });
    await expect.poll(() => agenda.getByText('Published').count(), POLL).toBe(3);
  });

  it('the filters show everything, the hosts only, or one question’s thread', async () => {
    const everything = await texts(bob, 'Statuses');
    expect(everything).toHaveLength(6);

    await bob.getByRole('button', { name: 'Hosts & guests' }).click();
    await expect.poll(() => texts(bob, 'Statuses'), POLL).toHaveLength(3);
    const hosts = await texts(bob, 'Statuses');
    for (const [i, question] of [...QUESTIONS].reverse().entries()) {
      expect(hosts[i]).toContain(question);
    }

    await bob.getByLabel('Question thread').selectOption({ label: 'Q2' });
    await expect.poll(() => texts(bob, 'Statuses'), POLL).toHaveLength(2);
    const thread = await texts(bob, 'Statuses');
    expect(thread[0]).toContain(QUESTIONS[1]);
    expect(thread[1]).toContain('scones with clotted cream');

    await bob.getByRole('button', { name: 'Everything' }).click();
    await expect.poll(() => texts(bob, 'Statuses'), POLL).toHaveLength(6);
  });

  it('the host spotlights a status with the s key and it is spotlighted atop the room, in one word', async () => {
    const article = host
      .getByRole('list', { name: 'Statuses', exact: true })
      .getByRole('article')
      .filter({ hasText: 'green tea, always' });
    await article.focus();
    const pinned = host.waitForResponse((r) => r.url().endsWith(`/api/v1/sessions/${sessionId}/spotlight`));
    await host.keyboard.press('s');
    expect((await pinned).status()).toBe(200);
    await expect
      .poll(() => texts(ann, 'Spotlighted statuses'), POLL)
      .toEqual([`A1 green tea, always #${TAG}`]);
    await ann.getByRole('heading', { name: 'Spotlighted', exact: true }).waitFor();
    expect(await ann.getByText(/pinned/i).count()).toBe(0);
    await article.getByRole('button', { name: 'Spotlighted', pressed: true }).waitFor();
    expect(await host.getByText(/pinned|unpin/i).count()).toBe(0);
  });

  it('the acknowledgement list empties as the host replies and likes', async () => {
    const list = host.getByRole('list', { name: 'Waiting for a reply' });
    await expect.poll(() => list.getByRole('listitem').count(), POLL).toBe(2);

    const annItem = list.getByRole('listitem', { name: 'ann_l' });
    await annItem.getByRole('button', { name: 'Reply to ann_l' }).click();
    const box = annItem.getByLabel('Reply to @ann_l');
    expect(await box.inputValue()).toBe('@ann_l ');
    await box.press('End');
    await box.pressSequentially('thanks for joining!');
    await annItem.getByRole('button', { name: 'Post reply' }).click();
    await expect.poll(() => list.getByRole('listitem').count(), POLL).toBe(1);

    await list.getByRole('listitem', { name: 'bob_l' }).getByRole('button', { name: 'Like' }).click();
    await host.getByText('Everyone who posted has had a reply or a like from a host.').waitFor();
    // The server agrees: nobody is left waiting.
    await expect
      .poll(() => apiFrom<unknown[]>(host, 'GET', `/api/v1/sessions/${sessionId}/acknowledgements`), POLL)
      .toEqual([]);
    // The host's reply landed in Ann's room, in the thread it answers.
    await expect.poll(() => texts(ann, 'Statuses'), POLL).toContain(`@ann_l thanks for joining! #${TAG}`);
  });

  it('a status’s time opens its page: its thread, and a reply posted there lands under it', async () => {
    const hostReply = ann
      .getByRole('list', { name: 'Statuses', exact: true })
      .getByRole('article')
      .filter({ hasText: 'thanks for joining!' });
    const timeLink = hostReply.locator('a.status-time');
    // The short time names its zone in full in the tooltip.
    expect(await timeLink.locator('time').getAttribute('title')).toMatch(/\d\d:\d\d \S+$/);
    await timeLink.click();
    await ann.waitForURL((url) => /^\/@host_l\/\d+$/.test(url.pathname));
    await ann.getByRole('heading', { level: 1, name: 'Status by host_l' }).waitFor();
    // What it answers sits above it.
    const earlier = ann.getByRole('list', { name: 'Earlier in the thread' });
    expect(await earlier.locator('.status-content').allTextContents()).toEqual([
      expect.stringMatching(/^(A1 green tea, always|What a lovely chat) #TeaTime$/),
    ]);
    const replies = ann.getByRole('list', { name: 'Replies' });
    expect(await replies.count()).toBe(0);

    await replyTo(ann, ann.locator('.thread-focus article'), 'host_l', 'you are welcome');
    await expect
      .poll(() => replies.locator('.status-content').allTextContents(), POLL)
      .toEqual([expect.stringContaining('you are welcome')]);
    await ann.goBack();
  });

  it('the console’s cards carry the room’s moderation menu: a host hides a status there', async () => {
    await host.reload();
    const card = host
      .getByRole('list', { name: 'Statuses', exact: true })
      .getByRole('article')
      .filter({ hasText: 'What a lovely chat' });
    await card.getByRole('button', { name: 'More actions for the status by @ann_l' }).click();
    for (const name of ['Report…', 'Mute author…', 'Ban author…'])
      await card.getByRole('button', { name }).waitFor();
    await card.getByRole('button', { name: 'Hide…' }).click();
    await card.getByLabel('Reason (shown in the log)').fill('testing the console');
    const hidden = host.waitForResponse((r) => r.url().endsWith(`/api/v1/sessions/${sessionId}/moderation`));
    await card.getByRole('button', { name: 'Hide', exact: true }).click();
    expect((await hidden).status()).toBe(200);
    await expect.poll(() => texts(bob, 'Statuses'), POLL).not.toContain(`What a lovely chat #${TAG}`);
  });
});
