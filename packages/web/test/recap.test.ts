import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Seeded } from '../../server/test/transcript-seed';
import { PASSWORD } from './support/browser';
import { seededChromium } from './support/seeded-chromium';

// The viewer reads in Tokyo (UTC+9): the session ran 14:50–14:56 UTC, so 23:50–23:56 for them.
const VIEWER_ZONE = 'Asia/Tokyo';

/**
 * The recap and chat-numbers pages in Chromium, over the seeded session of
 * packages/server/test/transcript-seed.ts, whose figures are counted by hand there:
 * 8 statuses (1 late), 6 participants (4 new, 2 returning), hosts 2 of 8 = 25%, posts per
 * minute 1 2 1 2 1 from 14:50 UTC with the peak at 14:51, Q1 4 answers and Q2 1, top answers
 * ann's A1 (2 likes) then bob's (1 like, 1 repost), ann mentioned 3 times and cat once, one
 * link shared twice, 7 statuses in English and 1 in Spanish, reach 3, impressions 8.
 */
describe('recap in a browser', () => {
  const env = seededChromium();
  let seed: Seeded;
  beforeAll(() => {
    seed = env.seed();
  });

  async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const context = await env.newContext({
      timezoneId: VIEWER_ZONE,
      locale: 'en-GB',
      viewport: { width: 1100, height: 900 },
      ...options,
    });
    return context.newPage();
  }

  async function signIn(page: Page, username: string): Promise<void> {
    const response = await page.context().request.post(`${seed.server.url}/api/v1/auth/sign_in`, {
      data: { login: username, password: PASSWORD },
    });
    expect(response.status()).toBe(200);
  }

  const recapPath = () => `/sessions/${seed.sessionId}/recap`;
  const figure = (page: Page, key: string) => page.locator(`.recap-figure[data-figure="${key}"]`);

  it('shows the headline figures, each with how it is counted, times in the viewer zone', async () => {
    const page = await newPage();
    await page.goto(`${seed.server.url}${recapPath()}`);
    await page.getByRole('heading', { level: 1, name: 'Tacos of the world' }).waitFor();

    const expected: [string, string, string?][] = [
      ['statuses', '8', '1 late'],
      ['participants', '6'],
      ['new', '4', '2 returning'],
      ['hosts-share', '25%', '2 statuses by hosts'],
      ['peak', '23:51 your time · 09:51 America/New York', '2 posts'],
      ['reach', '3'],
      ['impressions', '8'],
    ];
    for (const [key, value, detail] of expected) {
      expect(await figure(page, key).locator('.figure-value').textContent(), key).toBe(value);
      if (detail) expect(await figure(page, key).locator('.figure-detail').textContent(), key).toBe(detail);
    }
    // The definitions come from the API and sit beside their figures.
    expect(await figure(page, 'reach').locator('.figure-definition').textContent()).toMatch(
      /distinct accounts following at least one participant/,
    );
    expect(await figure(page, 'impressions').locator('.figure-definition').textContent()).toMatch(
      /sum over statuses of the author's followers/,
    );
    // A participant sees no publish button.
    expect(await page.getByRole('button', { name: 'Publish recap thread' }).count()).toBe(0);
  });

  it('draws posts per minute and answers per question as named SVG images, each with a table', async () => {
    const page = await newPage();
    await page.goto(`${seed.server.url}${recapPath()}`);

    const perMinute = page.getByRole('img', { name: 'Posts per minute' });
    await perMinute.waitFor();
    expect(await perMinute.evaluate((svg) => svg.tagName.toLowerCase())).toBe('svg');
    expect(await perMinute.locator('rect.bar').count()).toBe(5);
    // Its description (aria-describedby → <desc>) names the span and the peak in the viewer's zone.
    const described = await perMinute.evaluate((svg) => {
      const id = svg.getAttribute('aria-describedby') ?? '';
      return document.getElementById(id)?.textContent ?? '';
    });
    expect(described).toBe('5 minutes from 23:50 to 23:54 GMT+9; the busiest was 23:51 with 2 posts.');
    // The peak is marked on the chart.
    expect(await perMinute.locator('.chart-marked .chart-mark').textContent()).toBe('Peak');

    // The table is in the page for screen readers, visually hidden until asked for.
    const minuteTable = page.getByRole('table', { name: /Posts per minute/ });
    expect(await minuteTable.locator('tbody tr').allInnerTexts()).toEqual([
      '23:50\t1',
      '23:51\t2 (peak)',
      '23:52\t1',
      '23:53\t2',
      '23:54\t1',
    ]);
    // Visually hidden: its box is clipped to a pixel.
    const tableBox = minuteTable.locator('xpath=..');
    expect((await tableBox.boundingBox())?.width ?? 0).toBeLessThan(5);
    const toggle = page
      .getByRole('figure', { name: 'Posts per minute' })
      .getByRole('button', { name: 'Show the numbers as a table' });
    await toggle.click();
    await page
      .getByRole('figure', { name: 'Posts per minute' })
      .getByRole('button', { name: 'Hide the table' })
      .waitFor();
    expect((await tableBox.boundingBox())?.width ?? 0).toBeGreaterThan(100);

    const answers = page.getByRole('img', { name: 'Answers per question' });
    expect(await answers.locator('rect.bar').count()).toBe(2);
    const answersTable = page.getByRole('table', { name: 'Answers per question' });
    expect(await answersTable.locator('tbody tr').allInnerTexts()).toEqual([
      'Question 1\t4',
      'Question 2\t1',
    ]);
  });

  it('lists top answers, people, resources and languages, and links the transcript and exports', async () => {
    const page = await newPage();
    await page.goto(`${seed.server.url}${recapPath()}`);
    const top = page.getByRole('list', { name: 'Top answers' }).locator(':scope > li');
    await top.first().waitFor();
    expect(await top.count()).toBe(2);
    expect(await top.nth(0).textContent()).toContain('Al pastor');
    expect(await top.nth(0).locator('.top-answer-rank').textContent()).toBe(
      '#1 · answer to Q1 · 2 likes · 0 reposts',
    );
    expect(await top.nth(1).textContent()).toContain('Fish tacos');
    expect(await top.nth(1).locator('.top-answer-rank').textContent()).toBe(
      '#2 · answer to Q1 · 1 like · 1 repost',
    );

    const { users } = seed;
    // Each person as [handle, count], read from the link and the count beside it.
    const ranked = (name: string) =>
      page
        .getByRole('list', { name })
        .getByRole('listitem')
        .evaluateAll((items) =>
          items.map((li) => [
            li.querySelector('.person-acct')?.textContent ?? '',
            li.querySelector('.recap-count')?.textContent ?? '',
          ]),
        );
    expect(await ranked('Most active')).toEqual([
      [`@${users.ann.username}`, '2 statuses'],
      [`@${users.bob.username}`, '2 statuses'],
      [`@${users.host.username}`, '1 status'],
      [`@${users.cohost.username}`, '1 status'],
      [`@${users.cat.username}`, '1 status'],
      [`@${users.dan.username}`, '1 status'],
    ]);
    expect(await ranked('Most mentioned')).toEqual([
      [`@${users.ann.username}`, '3 mentions'],
      [`@${users.cat.username}`, '1 mention'],
    ]);

    const links = page.getByRole('list', { name: 'Links shared' }).getByRole('listitem');
    expect(await links.allInnerTexts()).toEqual(['example.com/tacos shared in 2 statuses']);
    expect(await links.getByRole('link').getAttribute('href')).toBe('https://example.com/tacos');
    expect(await page.getByRole('list', { name: 'Languages' }).getByRole('listitem').allInnerTexts()).toEqual(
      ['English 7 statuses', 'Spanish 1 status'],
    );

    const exports = page.getByRole('list', { name: 'Download the transcript' });
    for (const [label, ext] of [
      ['HTML', 'html'],
      ['Markdown', 'md'],
      ['CSV', 'csv'],
      ['JSON', 'json'],
    ]) {
      const href = await exports.getByRole('link', { name: label, exact: true }).getAttribute('href');
      expect(href).toBe(`${seed.server.url}/api/v1/sessions/${seed.sessionId}/transcript.${ext}`);
    }

    // The transcript is the server's page: a full load, not an app route.
    await page
      .getByRole('navigation', { name: 'This session' })
      .getByRole('link', { name: 'Transcript' })
      .click();
    await page.waitForURL(`${seed.server.url}/sessions/${seed.sessionId}`);
    await page.getByRole('heading', { name: 'Questions', level: 2 }).waitFor();
    expect(await page.locator('#root').count()).toBe(0);
  });

  it('is linked from the chat page, whose numbers page puts every session side by side', async () => {
    const page = await newPage();
    await page.goto(`${seed.server.url}/chats/${seed.chatId}`);
    const past = page.getByRole('list', { name: 'Past sessions' });
    await past.waitFor();
    await page.getByRole('link', { name: 'Numbers over time' }).click();
    await page.waitForURL(`${seed.server.url}/chats/${seed.chatId}/stats`);
    await page.getByRole('heading', { level: 1, name: `#${seed.tag} over time` }).waitFor();

    const people = page.getByRole('img', { name: 'Participants and new participants per session' });
    // Two sessions, two bars each (participants, new).
    expect(await people.locator('rect.bar').count()).toBe(4);
    expect(await page.getByRole('img', { name: 'Statuses per session' }).locator('rect.bar').count()).toBe(2);
    // 13:00 and 15:00 UTC are 22:00 on 1 March and 00:00 on 2 March in Tokyo.
    const table = page.getByRole('table', { name: 'Every session, oldest first' });
    expect(await table.locator('tbody tr').allInnerTexts()).toEqual([
      '1 Mar · Warm-up\t2\t2\t2\t0',
      '2 Mar · Tacos of the world\t8\t6\t4\t2',
    ]);
    expect(await page.locator('.recap-lead').textContent()).toBe(
      '2 sessions: the latest had 6 participants, up 4 from 2; 6 people came for the first time.',
    );

    // A row opens that session's recap.
    await table.getByRole('link', { name: /Tacos of the world/ }).click();
    await page.waitForURL(`${seed.server.url}${recapPath()}`);
    await page.getByRole('img', { name: 'Posts per minute' }).waitFor();
  });

  it('is linked from the room of a session that just ended', async () => {
    const page = await newPage();
    await page.goto(`${seed.server.url}/tags/${seed.tag}`);
    const strip = page.getByRole('region', { name: "This room's chat" });
    await strip.getByRole('link', { name: 'Recap' }).click();
    await page.waitForURL(`${seed.server.url}${recapPath()}`);
    await page.getByRole('heading', { level: 1, name: 'Tacos of the world' }).waitFor();
  });

  it('lets a host publish the recap thread once, from the page', async () => {
    const page = await newPage();
    await signIn(page, seed.users.host.username);
    await page.goto(`${seed.server.url}${recapPath()}`);
    const publish = page.getByRole('button', { name: 'Publish recap thread' });
    await publish.click();
    const posted = page.waitForResponse(
      (r) => r.url().endsWith(`/sessions/${seed.sessionId}/recap/publish`) && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Yes, publish it' }).click();
    const response = await posted;
    expect(response.status()).toBe(200);
    const body = (await response.json()) as {
      already_published: boolean;
      statuses: { id: string; content: string }[];
    };
    expect(body.already_published).toBe(false);

    const done = page.getByRole('button', { name: 'Already published' });
    await done.waitFor();
    expect(await done.isDisabled()).toBe(true);
    const section = page.getByRole('region', { name: 'Recap thread' });
    expect(await section.locator('.publish-preview').textContent()).toContain('6 people');
    const threadPath = `/@${seed.users.host.username}/${body.statuses[0].id}`;
    expect(await section.getByRole('link', { name: 'Read the thread' }).getAttribute('href')).toBe(
      threadPath,
    );

    // Reloaded, the page still knows: the recap says it was published.
    await page.reload();
    await page.getByRole('button', { name: 'Already published' }).waitFor();
    expect(await page.getByRole('button', { name: 'Publish recap thread' }).count()).toBe(0);
    await page.getByRole('region', { name: 'Recap thread' }).locator('.publish-preview').waitFor();

    // The link opens the thread's page: its first status, the rest of the thread as replies.
    await page.getByRole('link', { name: 'Read the thread' }).click();
    await page.waitForURL((url) => url.pathname === threadPath);
    await page.getByRole('heading', { level: 1, name: /^Status by / }).waitFor();
    const replies = page.getByRole('list', { name: 'Replies' }).getByRole('article');
    await expect.poll(() => replies.count(), { timeout: 15_000 }).toBe(body.statuses.length - 1);
  });

  it('serves the transcript page readable with JavaScript off: every question with its answers', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    const response = await page.goto(`${seed.server.url}/sessions/${seed.sessionId}`);
    expect(response?.status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Tacos of the world');
    const questions = page.locator('#questions ol.threads > li');
    expect(await questions.count()).toBe(2);
    expect(await page.getByRole('heading', { name: /^Question 1/, level: 3 }).textContent()).toContain(
      '4 answers',
    );
    expect(await page.getByRole('heading', { name: /^Question 2/, level: 3 }).textContent()).toContain(
      '1 answer',
    );
    expect(await questions.nth(0).textContent()).toContain('What is your favourite taco');
    expect(await questions.nth(1).textContent()).toContain('Corn or flour tortillas?');

    const answers1 = page.getByRole('list', { name: 'Answers to question 1' }).locator(':scope > li');
    expect(await answers1.count()).toBe(4);
    const texts = await answers1.allInnerTexts();
    for (const [i, fragment] of ['Al pastor', 'Fish tacos', 'Carnitas', 'Agreed!'].entries())
      expect(texts[i]).toContain(fragment);
    const answers2 = page.getByRole('list', { name: 'Answers to question 2' }).locator(':scope > li');
    expect(await answers2.allInnerTexts()).toEqual([expect.stringContaining('Corn, always')]);
    // Hidden and deleted statuses are left out.
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).not.toContain('Something rude');
    expect(body).not.toContain('I changed my mind');
  });
});
