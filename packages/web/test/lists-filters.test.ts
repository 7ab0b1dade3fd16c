import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from '../../server/test/support/client';
import { startTestServer, type TestServer } from '../../server/test/support/test-server';
import { apiFrom, assertWebBuilt, launchChromium, signUpThroughUi, waitForLive } from './support/browser';

const POLL = { timeout: 10_000 };

/** Lists and filters are reachable from Settings and do what Mastodon apps would see. */
describe('Settings: lists and filters', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let friend: Awaited<ReturnType<typeof registerUser>>;

  beforeAll(async () => {
    assertWebBuilt();
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    friend = await registerUser(server.url, 'frieda_lf');
    const context = await browser.newContext();
    page = await signUpThroughUi(context, server.url, 'lena_lf', '/settings');
    await apiFrom(page, 'POST', `/api/v1/accounts/${friend.id}/follow`, {});
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('makes a list, adds someone followed, makes it exclusive, empties and deletes it', async () => {
    await page.getByRole('main').getByRole('link', { name: 'Lists' }).click();
    await page.getByRole('heading', { name: 'Lists', level: 1 }).waitFor();
    await page.getByLabel('New list').fill('Chat hosts');
    await page.getByRole('button', { name: 'Create list' }).click();
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Chat hosts' }) });
    await card.getByRole('button', { name: 'Members' }).click();
    await card.getByLabel('Add someone you follow').selectOption({ label: 'frieda_lf (@frieda_lf)' });
    await card.getByRole('button', { name: 'Add to list' }).click();
    const members = card.getByRole('list', { name: 'Members of Chat hosts' });
    await expect.poll(() => members.textContent(), POLL).toContain('@frieda_lf');
    // The box shows what the server saved, so it turns on once the change is stored.
    await card.getByLabel("Show members' posts only here, not in Home").click();
    await expect
      .poll(() => card.getByLabel("Show members' posts only here, not in Home").isChecked(), POLL)
      .toBe(true);
    await expect
      .poll(
        async () => (await apiFrom<{ title: string; exclusive: boolean }[]>(page, 'GET', '/api/v1/lists'))[0],
        POLL,
      )
      .toMatchObject({ title: 'Chat hosts', exclusive: true });
    const [list] = await apiFrom<{ id: string }[]>(page, 'GET', '/api/v1/lists');
    const onIt = await apiFrom<{ acct: string }[]>(page, 'GET', `/api/v1/lists/${list.id}/accounts`);
    expect(onIt.map((a) => a.acct)).toEqual(['frieda_lf']);

    await members.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => card.getByText('Nobody is on this list yet.').count(), POLL).toBe(1);
    await card.getByRole('button', { name: 'Delete list' }).click();
    await card.getByRole('button', { name: 'Yes, delete it' }).click();
    await page.getByText('You have no lists yet.').waitFor();
    expect(await apiFrom(page, 'GET', '/api/v1/lists')).toEqual([]);
  });

  it('makes a warn filter; a matching status waits behind its name until Show anyway', async () => {
    await page.goto(`${server.url}/settings`);
    await page.getByRole('link', { name: 'Filters' }).click();
    await page.getByLabel('Name').fill('Spoilers');
    await page.getByLabel('Words or phrases').fill('finale, plot twist');
    await page.getByRole('button', { name: 'Create filter' }).click();
    const filters = page.getByRole('list', { name: 'Your filters' });
    await expect.poll(() => filters.textContent(), POLL).toContain('plot twist');
    const [filter] = await apiFrom<
      { title: string; filter_action: string; keywords: { keyword: string }[] }[]
    >(page, 'GET', '/api/v2/filters');
    expect(filter).toMatchObject({ title: 'Spoilers', filter_action: 'warn' });
    expect(filter.keywords.map((k) => k.keyword)).toEqual(['finale', 'plot twist']);

    await friend.api.post('/api/v1/statuses', { status: 'That finale though' });
    await page.goto(`${server.url}/home`);
    const notice = page.getByText('Filtered: Spoilers.');
    await notice.waitFor(POLL);
    expect(await page.getByText('That finale though').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Show anyway' }).click();
    await page.getByText('That finale though').waitFor({ state: 'visible' });

    await page.goto(`${server.url}/settings/filters`);
    await page.getByRole('button', { name: 'Remove keyword finale' }).click();
    await expect.poll(() => filters.textContent(), POLL).not.toContain('finale');
    await page.getByRole('button', { name: 'Delete filter' }).click();
    await page.getByText('You filter nothing yet.').waitFor();
  });

  it('makes a blur filter; a matching status reads as usual, its image behind a Show button', async () => {
    await page.goto(`${server.url}/settings/filters`);
    await page.getByLabel('Name').fill('Gore');
    await page.getByLabel('Words or phrases').fill('surgery');
    await page.getByLabel('Show them with their images blurred').check();
    await page.getByRole('button', { name: 'Create filter' }).click();
    const filters = page.getByRole('list', { name: 'Your filters' });
    await expect.poll(() => filters.textContent(), POLL).toContain('Images blurred');
    const [filter] = await apiFrom<{ id: string; filter_action: string }[]>(page, 'GET', '/api/v2/filters');
    expect(filter.filter_action).toBe('blur');

    const png = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#3a3' } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png)]), 'green.png');
    form.append('description', 'A green square');
    const media = await friend.api.post('/api/v1/media', form);
    expect(media.status).toBe(200);
    await friend.api.post('/api/v1/statuses', {
      status: 'Knee surgery went well',
      media_ids: [media.body.id],
    });
    await page.goto(`${server.url}/home`);
    const article = page.getByRole('article').filter({ hasText: 'Knee surgery went well' });
    await article.waitFor(POLL);
    // The text is readable; the image waits behind the cover, not loaded.
    expect(await article.getByText('Filtered:').count()).toBe(0);
    expect(await article.getByRole('img', { name: 'A green square' }).count()).toBe(0);
    await article.getByRole('button', { name: 'Blurred by your filter: show image' }).click();
    await article.getByRole('img', { name: 'A green square' }).waitFor();
  });

  it('reads a list as a timeline, from the nav and from Settings → Lists; a member’s new status arrives live', async () => {
    const list = await apiFrom<{ id: string }>(page, 'POST', '/api/v1/lists', { title: 'Bakers' });
    await apiFrom(page, 'POST', `/api/v1/lists/${list.id}/accounts`, { account_ids: [friend.id] });
    await friend.api.post('/api/v1/statuses', { status: 'Sourdough day one' });

    await page.goto(`${server.url}/home`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lists' }).click();
    await page.getByRole('list', { name: 'Your lists' }).getByRole('link', { name: 'Bakers' }).click();
    await page.waitForURL((url) => url.pathname === `/lists/${list.id}`);
    await page.getByRole('heading', { name: 'Bakers', level: 1 }).waitFor();
    await page.getByRole('article').filter({ hasText: 'Sourdough day one' }).waitFor(POLL);
    await waitForLive(page);
    await friend.api.post('/api/v1/statuses', { status: 'Sourdough day two' });
    await page.getByRole('article').filter({ hasText: 'Sourdough day two' }).waitFor(POLL);

    await page.goto(`${server.url}/settings/lists`);
    await page.getByRole('link', { name: 'Read Bakers' }).click();
    await page.waitForURL((url) => url.pathname === `/lists/${list.id}`);
    await page.getByRole('heading', { name: 'Bakers', level: 1 }).waitFor();

    // Another account's list, or none, is "not found".
    await page.goto(`${server.url}/lists/999999`);
    await page.getByRole('heading', { name: 'List not found', level: 1 }).waitFor();
  });
});
