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
const TAG = 'SafeTalk';

describe('the review queue, reports, and personal blocks and mutes', () => {
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let host: Page;
  let pat: Page;
  let vic: Page;
  let sessionId: string;
  let chatId: string;

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
    host = await signUpThroughUi(await newContext(), server.url, 'host_s', '/chats');
    chatId = (
      await apiFrom<{ id: string }>(host, 'POST', '/api/v1/chats', {
        hashtag: TAG,
        title: 'Safe Talk',
        time_zone: 'UTC',
      })
    ).id;
    const start = new Date(Math.ceil((Date.now() + 30 * 60_000) / 60_000) * 60_000);
    sessionId = (
      await apiFrom<{ id: string }>(host, 'POST', `/api/v1/chats/${chatId}/sessions`, {
        starts_at: start.toISOString(),
        duration_minutes: 60,
      })
    ).id;
    await apiFrom(host, 'POST', `/api/v1/sessions/${sessionId}/start`, {});
    await apiFrom(host, 'PATCH', `/api/v1/chats/${chatId}/moderation_settings`, {
      word_filter: ['cheap pills'],
    });
    pat = await signUpThroughUi(await newContext(), server.url, 'pat_s', `/tags/${TAG}`);
    vic = await signUpThroughUi(await newContext(), server.url, 'vic_s', `/tags/${TAG}`);
    for (const page of [pat, vic]) await waitForLive(page);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await server?.close();
  });

  it('a word-filtered status waits for review; a approves it and it reaches the reader live', async () => {
    await postInRoom(pat, TAG, 'buy Cheap Pills today');
    await statusArticle(pat, 'buy Cheap Pills today').waitFor();

    await host.goto(`${server.url}/sessions/${sessionId}/moderation`);
    const queue = host.getByRole('list', { name: 'Waiting for review' });
    await expect
      .poll(() => queue.getByRole('listitem').allInnerTexts(), POLL)
      .toEqual([
        expect.stringMatching(/^Held status · word filter: cheap pills[\s\S]*buy Cheap Pills today/),
      ]);
    expect((await roomTexts(vic)).join('\n')).not.toContain('Cheap Pills');
    expect(await host.getByText('Approve the status or question').isVisible()).toBe(true);

    await host.getByRole('heading', { name: 'Waiting for review' }).click();
    await host.keyboard.press('a');
    await expect.poll(() => queue.count(), POLL).toBe(0);
    await host.getByText('Nothing waits for review. Well done.').waitFor();
    await expect.poll(() => roomTexts(vic), POLL).toContain(`buy Cheap Pills today #${TAG}`);
  });

  it('a report from the status menu lands in the queue; h hides the status and resolves the report', async () => {
    await postInRoom(pat, TAG, 'you are all wrong');
    const status = statusArticle(vic, 'you are all wrong');
    await status.getByRole('button', { name: 'More actions for the status by @pat_s' }).click();
    await status.getByRole('button', { name: 'Report…' }).click();
    await status.getByLabel('Reason').selectOption('harassment');
    await status.getByLabel('Comment for the hosts').fill('insulting everyone');
    await status.getByRole('button', { name: 'Send report' }).click();
    await status.getByText('Thank you: the hosts of this chat will look at your report.').waitFor();

    await host.getByRole('button', { name: 'Refresh' }).first().click();
    const queue = host.getByRole('list', { name: 'Waiting for review' });
    await expect
      .poll(() => queue.getByRole('listitem').allInnerTexts(), POLL)
      .toEqual([
        expect.stringMatching(
          /^Report · Harassment · by @vic_s about @pat_s\s+“insulting everyone”[\s\S]*you are all wrong/,
        ),
      ]);
    // The buttons name their keys; hiding needs the reported status.
    const buttons = await queue
      .getByRole('button')
      .evaluateAll((list) => list.map((b) => [b.textContent, b.getAttribute('aria-keyshortcuts')]));
    expect(buttons).toEqual([
      ['Dismiss x', 'x'],
      ['Hide h', 'h'],
      ['Mute author m', 'm'],
      ['Ban author b', 'b'],
    ]);
    await host.getByRole('heading', { name: 'Waiting for review' }).click();
    await host.keyboard.press('h');
    await host.getByText('Nothing waits for review. Well done.').waitFor();
    await expect.poll(() => statusArticle(vic, 'you are all wrong').count(), POLL).toBe(0);

    const reports = await apiFrom<{ state: string; resolution: string }[]>(
      host,
      'GET',
      `/api/v1/chats/${chatId}/reports?state=all`,
    );
    expect(reports.map((r) => [r.state, r.resolution])).toEqual([['resolved', 'status hidden']]);
    await expect
      .poll(
        () => host.getByRole('list', { name: 'Moderation log' }).getByRole('listitem').first().textContent(),
        POLL,
      )
      .toMatch(/resolved a report about @pat_s/);

    // The chat page shows the public counts.
    await vic.goto(`${server.url}/chats/${chatId}`);
    const counts = vic.getByRole('region', { name: 'Moderation' });
    await expect
      .poll(() => counts.textContent(), POLL)
      .toContain('The hosts have removed 1 status or person');
    expect(await counts.getByRole('definition').allInnerTexts()).toEqual(['0', '1', '0', '0', '0']);
  });

  it('a reader mutes and blocks from a profile, and undoes it in Settings', async () => {
    await vic.goto(`${server.url}/@pat_s`);
    await vic.getByRole('button', { name: 'Mute', exact: true }).click();
    await vic.getByLabel('Mute @pat_s for').selectOption({ label: '1 hour' });
    await vic.getByRole('button', { name: 'Mute @pat_s' }).click();
    await vic.getByRole('button', { name: 'Unmute' }).waitFor();
    await vic.getByRole('button', { name: 'Block', exact: true }).click();
    await vic.getByRole('button', { name: 'Unblock' }).waitFor();
    const [rel] = await apiFrom<{ blocking: boolean; muting: boolean }[]>(
      vic,
      'GET',
      `/api/v1/accounts/relationships?id[]=${(await apiFrom<{ id: string }>(vic, 'GET', '/api/v1/accounts/lookup?acct=pat_s')).id}`,
    );
    expect(rel).toMatchObject({ blocking: true, muting: true });

    await vic.goto(`${server.url}/settings`);
    const blocked = vic.getByRole('list', { name: 'Blocked accounts' });
    const muted = vic.getByRole('list', { name: 'Muted accounts' });
    await expect.poll(() => blocked.textContent(), POLL).toContain('@pat_s');
    expect(await muted.textContent()).toMatch(/@pat_s · until /);
    await blocked.getByRole('button', { name: 'Unblock' }).click();
    await blocked.getByRole('button', { name: 'Block again' }).waitFor();
    await muted.getByRole('button', { name: 'Unmute' }).click();
    await muted.getByRole('button', { name: 'Mute again' }).waitFor();
    const [after] = await apiFrom<{ blocking: boolean; muting: boolean }[]>(
      vic,
      'GET',
      `/api/v1/accounts/relationships?id[]=${(await apiFrom<{ id: string }>(vic, 'GET', '/api/v1/accounts/lookup?acct=pat_s')).id}`,
    );
    expect(after).toMatchObject({ blocking: false, muting: false });
  });
});
