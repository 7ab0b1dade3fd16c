import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../server/test/support/test-server';
import {
  apiFrom,
  assertWebBuilt,
  launchChromium,
  postInRoom,
  roomTexts,
  signUpThroughUi,
  statusArticle,
  waitForLive,
} from './support/browser';

const POLL = { timeout: 15_000, interval: 100 };
const TAG = 'ModTalk';

/** The town-hall questions in the order the page lists them. */
function questionOrder(page: Page): Promise<string[]> {
  return page
    .getByRole('list', { name: 'Town hall questions' })
    .getByRole('article')
    .evaluateAll((articles) => articles.map((a) => a.getAttribute('aria-label') ?? ''));
}

describe('room moderation and the town hall, with a host, a participant and a reader', () => {
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let host: Page;
  let mia: Page;
  let rita: Page;
  let sessionId: string;

  beforeAll(async () => {
    assertWebBuilt();
    [server, browser] = await Promise.all([
      startTestServer({ env: { JOBS_POLL_MS: '100' } }),
      launchChromium(),
    ]);
    const newContext = async () => {
      const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1400, height: 1000 } });
      contexts.push(context);
      return context;
    };
    host = await signUpThroughUi(await newContext(), server.url, 'host_m', '/chats');
    const chat = await apiFrom<{ id: string }>(host, 'POST', '/api/v1/chats', {
      hashtag: TAG,
      title: 'Mod Talk',
      time_zone: 'UTC',
    });
    const start = new Date(Math.ceil((Date.now() + 30 * 60_000) / 60_000) * 60_000);
    const session = await apiFrom<{ id: string }>(host, 'POST', `/api/v1/chats/${chat.id}/sessions`, {
      starts_at: start.toISOString(),
      duration_minutes: 60,
    });
    sessionId = session.id;
    await apiFrom(host, 'POST', `/api/v1/sessions/${sessionId}/start`, {});
    await host.goto(`${server.url}/tags/${TAG}`);
    mia = await signUpThroughUi(await newContext(), server.url, 'mia_m', `/tags/${TAG}`);
    rita = await signUpThroughUi(await newContext(), server.url, 'rita_m', `/tags/${TAG}`);
    for (const page of [host, mia, rita]) await waitForLive(page);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await server?.close();
  });

  it('a muted participant’s new status reaches only its author, not the reader or the host', async () => {
    await postInRoom(mia, TAG, 'hello from mia');
    const before = statusArticle(host, 'hello from mia');
    await before.waitFor();

    // The host mutes Mia from her status's menu, for an hour, with a reason.
    await before.getByRole('button', { name: 'More actions for the status by @mia_m' }).click();
    await before.getByRole('button', { name: 'Mute author…' }).click();
    expect(await before.getByLabel('For how long').inputValue()).toBe('60');
    await before.getByLabel('Reason (shown in the log)').fill('flooding the room');
    const muted = host.waitForResponse((r) => r.url().endsWith(`/api/v1/sessions/${sessionId}/moderation`));
    await before.getByRole('button', { name: 'Mute', exact: true }).click();
    expect(JSON.parse((await muted).request().postData() ?? '{}')).toMatchObject({
      action: 'mute',
      duration_minutes: 60,
      reason: 'flooding the room',
    });
    await before.getByText('@mia_m is muted in this chat for 1 hour.').waitFor();

    await postInRoom(mia, TAG, 'only mia sees this');
    await statusArticle(mia, 'only mia sees this').waitFor();
    // Read again, the room tells its author why nobody else sees it.
    await mia.reload();
    const own = statusArticle(mia, 'only mia sees this');
    // After a reload the room first shows the hashtag's timeline, then the session's room (which
    // carries the mute notice): wait for the room, not the first paint.
    await expect
      .poll(() => own.textContent(), POLL)
      .toContain('Only you can see this: you are muted in this chat.');

    // A later status reaches everyone, so the muted one had its chance to arrive and did not.
    await postInRoom(host, TAG, 'after the mute');
    for (const page of [rita, host]) {
      await expect.poll(() => roomTexts(page), POLL).toContain(`after the mute #${TAG}`);
      expect((await roomTexts(page)).join('\n')).not.toContain('only mia sees this');
    }
    await rita.reload();
    await expect.poll(() => roomTexts(rita), POLL).toContain(`after the mute #${TAG}`);
    expect((await roomTexts(rita)).join('\n')).not.toContain('only mia sees this');
  });

  it('hiding in the room leaves "Hidden · Undo" where the status was, and Undo brings it back', async () => {
    await waitForLive(rita);
    await postInRoom(rita, TAG, 'a spoiler for the finale');
    await statusArticle(mia, 'a spoiler for the finale').waitFor();
    const target = statusArticle(host, 'a spoiler for the finale');
    await target.getByRole('button', { name: 'More actions for the status by @rita_m' }).click();
    await target.getByRole('button', { name: 'Hide…' }).click();
    await target.getByRole('button', { name: 'Hide', exact: true }).click();

    // In the host's room, in the list where the status was: Hidden, with Undo (focused).
    const statuses = host.getByRole('list', { name: 'Statuses' });
    const placeholder = statuses.getByRole('article', { name: 'Hidden status by @rita_m' });
    await placeholder.waitFor();
    expect(await placeholder.textContent()).toMatch(/^Hidden\s*·\s*Undo$/);
    const undo = placeholder.getByRole('button', { name: 'Undo' });
    expect(await undo.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await target.count()).toBe(0);
    await expect.poll(() => statusArticle(mia, 'a spoiler for the finale').count(), POLL).toBe(0);

    await undo.click();
    await target.waitFor();
    expect(await placeholder.count()).toBe(0);
    await mia.reload();
    await expect.poll(() => roomTexts(mia), POLL).toContain(`a spoiler for the finale #${TAG}`);
  });

  it('a hidden status disappears from a connected reader’s room without reload', async () => {
    await waitForLive(rita);
    await postInRoom(rita, TAG, 'rude words here');
    await statusArticle(mia, 'rude words here').waitFor();
    const target = statusArticle(host, 'rude words here');
    await target.getByRole('button', { name: 'More actions for the status by @rita_m' }).click();
    await target.getByRole('button', { name: 'Hide…' }).click();
    await target.getByLabel('Reason (shown in the log)').fill('rude');
    await target.getByLabel('Category (public counts)').selectOption('harassment');
    await target.getByRole('button', { name: 'Hide', exact: true }).click();

    await expect.poll(() => statusArticle(mia, 'rude words here').count(), POLL).toBe(0);
    await expect.poll(() => statusArticle(host, 'rude words here').count(), POLL).toBe(0);
    const stats = await apiFrom<{ by_category: Record<string, number> }>(
      mia,
      'GET',
      `/api/v1/chats/${(await apiFrom<{ chat_id: string }>(mia, 'GET', `/api/v1/sessions/${sessionId}`)).chat_id}/moderation_stats`,
    );
    expect(stats.by_category.harassment).toBe(1);
  });

  it('the moderation page logs who did what and why; slow mode set there is told before posting, and a too-early post gets one message', async () => {
    await host.goto(`${server.url}/sessions/${sessionId}/moderation`);
    const log = host.getByRole('list', { name: 'Moderation log' });
    await expect
      .poll(() => log.getByRole('listitem').allInnerTexts(), POLL)
      .toEqual([
        expect.stringMatching(/@host_m hid a status by @rita_m · Harassment\s+Why: rude/),
        expect.stringMatching(/@host_m brought back a status by @rita_m/),
        expect.stringMatching(/@host_m hid a status by @rita_m\s+Undo$/),
        expect.stringMatching(/@host_m muted @mia_m for 1 hour\s+Why: flooding the room/),
      ]);

    await host.getByLabel("Slow mode (seconds between a participant's posts)").fill('60');
    await host.getByRole('button', { name: 'Save room rules' }).click();
    await host.getByText('Saved. The rules apply to the next post.').waitFor();
    await expect
      .poll(() => log.getByRole('listitem').first().textContent(), POLL)
      .toContain('changed the room settings');

    // Before posting, a participant is told: in the composer, with the interval.
    await rita.reload();
    const composer = rita.locator('form.composer').first();
    const line = composer.locator('.slow-mode');
    await expect.poll(() => line.textContent(), POLL).toBe('Slow mode is on: one post every 1 minute.');

    // A post from elsewhere (another tab) opens the window the composer does not know of yet:
    // the refusal is one message, with the wait, and Post waits too.
    await apiFrom(rita, 'POST', '/api/v1/statuses', { status: `first slow post #${TAG}` });
    const box = rita.getByLabel(`Post to #${TAG}`);
    await box.fill('second too early');
    const refused = rita.waitForResponse(
      (r) => r.url().endsWith('/api/v1/statuses') && r.request().method() === 'POST',
    );
    await rita.getByRole('button', { name: 'Post', exact: true }).click();
    expect((await refused).status()).toBe(429);
    await expect
      .poll(() => line.textContent(), POLL)
      .toMatch(/^Slow mode is on: one post every 1 minute\. You can post again in (60|59|58) seconds\.$/);
    expect(await composer.getByRole('alert').count()).toBe(0);
    expect(await composer.getByText(/Slow mode/).count()).toBe(1);
    expect(await box.inputValue()).toBe('second too early');
    expect(await rita.getByRole('button', { name: 'Post', exact: true }).isDisabled()).toBe(true);
    const tagged = await apiFrom<{ content: string }[]>(rita, 'GET', `/api/v1/timelines/tag/${TAG}`);
    expect(tagged.map((s) => s.content).join('\n')).toContain('first slow post');
    expect(tagged.map((s) => s.content).join('\n')).not.toContain('second too early');

    // Posting from the composer says at once when the next post is taken, before any refusal.
    await mia.reload();
    const miaLine = mia.locator('form.composer').first().locator('.slow-mode');
    await expect.poll(() => miaLine.textContent(), POLL).toBe('Slow mode is on: one post every 1 minute.');
    await postInRoom(mia, TAG, 'mia within the rules');
    await expect
      .poll(() => miaLine.textContent(), POLL)
      .toMatch(/^Slow mode is on: one post every 1 minute\. You can post again in (60|59|58) seconds\.$/);
    await mia.getByLabel(`Post to #${TAG}`).fill('and again');
    expect(await mia.getByRole('button', { name: 'Post', exact: true }).isDisabled()).toBe(true);
    // The host is not held back and is told nothing.
    await host.goto(`${server.url}/tags/${TAG}`);
    await waitForLive(host);
    expect(await host.locator('form.composer .slow-mode').count()).toBe(0);
    await host.goto(`${server.url}/sessions/${sessionId}/moderation`);
    await host.getByLabel('Town-hall mode: participants ask questions and vote for them').waitFor();
  });

  it('town hall: questions are approved with one key, votes toggle, and the order follows the votes', async () => {
    await host.getByLabel('Town-hall mode: participants ask questions and vote for them').check();
    await host.getByRole('button', { name: 'Save town-hall mode' }).click();
    await host.getByText('Town-hall mode is on: the room shows the question list.').waitFor();

    for (const [page, text] of [
      [mia, 'What about parking?'],
      [rita, 'What about schools?'],
    ] as const) {
      await page.reload();
      await page.getByRole('button', { name: 'Ask a question' }).click();
      await page.getByLabel('Your question').fill(text);
      await page.getByRole('button', { name: 'Ask' }).click();
      await page.getByText('Thank you! Your question waits for a host to approve it').waitFor();
      expect(await page.getByRole('article', { name: text }).textContent()).toContain('Waiting for approval');
      // A town hall's room has no agenda banner saying it waits for a first question.
      expect(await page.getByText('Waiting for the first question.').count()).toBe(0);
      // Asking is the room's primary action; following the hashtag is secondary.
      expect(await page.getByRole('button', { name: 'Ask a question' }).getAttribute('class')).toContain(
        'button-primary',
      );
      expect(await page.getByRole('button', { name: 'Follow hashtag' }).getAttribute('class')).not.toContain(
        'button-primary',
      );
    }

    // Both wait in the host's queue; a approves the current one, twice.
    await host.getByRole('button', { name: 'Refresh' }).first().click();
    const queue = host.getByRole('list', { name: 'Waiting for review' });
    await expect.poll(() => queue.getByRole('listitem').count(), POLL).toBe(2);
    await host.getByRole('heading', { name: 'Waiting for review' }).click();
    for (const left of [1, 0]) {
      await host.keyboard.press('a');
      await expect.poll(() => queue.getByRole('listitem').count(), POLL).toBe(left);
    }

    // Approved questions reach the rooms live; equal votes list the older first.
    await expect
      .poll(() => questionOrder(rita), POLL)
      .toEqual(['What about parking?', 'What about schools?']);
    // Approved, the asker's "waits for approval" note goes.
    for (const page of [mia, rita]) {
      await expect.poll(() => page.getByText('Thank you! Your question waits').count(), POLL).toBe(0);
    }
    const vote = (page: Page, text: string) =>
      page.getByRole('article', { name: text }).getByRole('button', { name: 'Vote' });
    const schools = (page: Page) => vote(page, 'What about schools?');
    // Nobody votes for their own question: Rita's says it is hers and has no Vote button.
    const ritasOwn = rita.getByRole('article', { name: 'What about schools?' });
    expect(await ritasOwn.textContent()).toContain('Your question');
    expect(await schools(rita).count()).toBe(0);
    await expect.poll(() => vote(rita, 'What about parking?').count(), POLL).toBe(1);

    await schools(mia).click();
    await expect.poll(() => schools(mia).getAttribute('aria-pressed'), POLL).toBe('true');
    // The voted state is said in words, not only in colour.
    expect(await schools(mia).textContent()).toBe('Voted ✓');
    await expect.poll(() => questionOrder(mia), POLL).toEqual(['What about schools?', 'What about parking?']);
    await expect
      .poll(() => mia.getByRole('article', { name: 'What about schools?' }).textContent(), POLL)
      .toContain('1 vote');

    // Pressing again takes the vote back: no second vote from the same person.
    await schools(mia).click();
    await expect.poll(() => schools(mia).getAttribute('aria-pressed'), POLL).toBe('false');
    await expect
      .poll(() => mia.getByRole('article', { name: 'What about schools?' }).textContent(), POLL)
      .toContain('0 votes');
    await schools(mia).click();
    await expect.poll(() => schools(mia).getAttribute('aria-pressed'), POLL).toBe('true');
    const listed = await apiFrom<{ text: string; votes_count: number; new_account_votes_count: null }[]>(
      rita,
      'GET',
      `/api/v1/sessions/${sessionId}/submissions?sort=votes`,
    );
    expect(listed.map((s) => [s.text, s.votes_count, s.new_account_votes_count])).toEqual([
      ['What about schools?', 1, null],
      ['What about parking?', 0, null],
    ]);

    // The host marks it answering: every room shows it at the top.
    const curate = host.getByRole('list', { name: 'Questions to curate' });
    await curate
      .getByRole('article', { name: 'What about schools?' })
      .getByRole('button', { name: 'Mark answering' })
      .click();
    for (const page of [rita, mia]) {
      await expect
        .poll(() => page.getByRole('region', { name: 'Answering now' }).textContent(), POLL)
        .toContain('What about schools?');
      expect(await page.getByText('Waiting for the first question.').count()).toBe(0);
    }
    // The console too says what is answered, with no agenda banner waiting above it.
    await host.goto(`${server.url}/sessions/${sessionId}/console`);
    await expect
      .poll(() => host.getByRole('region', { name: 'Answering now' }).textContent(), POLL)
      .toContain('What about schools?');
    expect(await host.getByText('Waiting for the first question.').count()).toBe(0);
  });
});
