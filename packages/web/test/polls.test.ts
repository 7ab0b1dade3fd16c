import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../server/test/support/test-server';
import { seriousViolations } from './support/axe';
import { apiFrom, assertWebBuilt, launchChromium, signUpThroughUi, waitForLive } from './support/browser';

const POLL = { timeout: 15_000, interval: 100 };
const TAG = 'PollTalk';
const QUESTION = 'Q3 poll: which topic next week?';

/** A poll made in a live room from the web app, voted on from another browser, shown live and in the recap. */
describe('a poll in a live room', () => {
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let host: Page;
  let ann: Page;
  let sessionId: string;
  let statusId: string;

  beforeAll(async () => {
    assertWebBuilt();
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
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

  const card = (page: Page) => page.locator(`article[data-status-id="${statusId}"]`).first();

  it('the host writes a poll in the room composer and posts it', async () => {
    host = await signUpThroughUi(await newContext(), server.url, 'host_p', '/chats');
    const chat = await apiFrom<{ id: string }>(host, 'POST', '/api/v1/chats', {
      hashtag: TAG,
      title: 'Poll Talk',
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
    await waitForLive(host);
    await host.getByLabel(`Post to #${TAG}`).fill(QUESTION);
    await host.getByRole('button', { name: 'Add poll' }).click();
    const editor = host.getByRole('group', { name: 'Poll' });
    await editor.getByLabel('Option 1', { exact: true }).fill('Pricing');
    await editor.getByLabel('Option 2', { exact: true }).fill('Hiring');
    await editor.getByRole('button', { name: 'Add option' }).click();
    await editor.getByLabel('Option 3', { exact: true }).fill('Tools');
    await editor.getByLabel('Runs for').selectOption({ label: '1 hour' });
    const posted = host.waitForResponse(
      (r) => r.url().endsWith('/api/v1/statuses') && r.request().method() === 'POST',
    );
    await host.getByRole('button', { name: 'Post', exact: true }).click();
    const answer = await posted;
    expect(answer.status()).toBe(200);
    const body = (await answer.json()) as { id: string; poll: { options: { title: string }[] } | null };
    expect(body.poll?.options.map((o) => o.title)).toEqual(['Pricing', 'Hiring', 'Tools']);
    statusId = body.id;

    // The card asks: one choice of three, labelled, and says when it closes.
    const choices = card(host).getByRole('group', { name: 'Poll, choose one' });
    await choices.waitFor();
    expect(await choices.getByRole('radio').count()).toBe(3);
    expect(await card(host).locator('.poll-meta').textContent()).toMatch(
      /0 votes · Closes in (60 minutes|1 hour)/,
    );
    // The editor is gone with the posted status.
    expect(await host.getByRole('group', { name: 'Poll', exact: true }).count()).toBe(0);
  });

  it('the host votes and sees the results, their vote marked', async () => {
    await card(host).getByRole('radio', { name: 'Pricing' }).check();
    await card(host).getByRole('button', { name: 'Vote' }).click();
    const results = card(host).getByRole('region', { name: 'Poll results' });
    await results.waitFor();
    expect(await results.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/Pricing \(your vote\)\s*100% · 1 vote/),
      expect.stringMatching(/Hiring\s*0% · 0 votes/),
      expect.stringMatching(/Tools\s*0% · 0 votes/),
    ]);
    expect(await seriousViolations(host)).toEqual([]);
  });

  it('another participant votes from their browser; the host’s room updates without a reload', async () => {
    ann = await signUpThroughUi(await newContext(), server.url, 'ann_p', `/tags/${TAG}`);
    await waitForLive(ann);
    await card(ann).getByRole('radio', { name: 'Hiring' }).check();
    await card(ann).getByRole('button', { name: 'Vote' }).click();
    await card(ann).getByText('(your vote)').waitFor();
    expect(await card(ann).getByRole('listitem').filter({ hasText: 'Hiring' }).textContent()).toMatch(
      /Hiring \(your vote\)\s*50% · 1 vote/,
    );

    const hostResults = card(host).getByRole('listitem');
    await expect
      .poll(() => hostResults.filter({ hasText: 'Hiring' }).textContent(), POLL)
      .toMatch(/50% · 1 vote/);
    // The streamed status carries nobody's vote: the host's own stays marked.
    expect(await hostResults.filter({ hasText: 'Pricing' }).textContent()).toMatch(
      /Pricing \(your vote\)\s*50% · 1 vote/,
    );
    expect(await card(host).locator('.poll-meta').textContent()).toMatch(/^2 votes · Closes in/);
  });

  it('the recap shows the poll’s result', async () => {
    await ann.goto(`${server.url}/sessions/${sessionId}/recap`);
    const section = ann.getByRole('region', { name: 'Polls' });
    await section.getByText(QUESTION).waitFor();
    expect(await section.getByRole('listitem').allInnerTexts()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Pricing\s*50% · 1 vote/),
        expect.stringMatching(/Hiring\s*50% · 1 vote/),
        expect.stringMatching(/Tools\s*0% · 0 votes/),
      ]),
    );
    // As anyone reads it: no vote marked.
    expect(await section.getByText('(your vote)').count()).toBe(0);
  });
});
