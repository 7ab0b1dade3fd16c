import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const DIST_INDEX = path.resolve(import.meta.dirname, '../../dist/index.html');

/** Fails early with the fix when the web app has not been built (the server serves dist/). */
export function assertWebBuilt(): void {
  if (!fs.existsSync(DIST_INDEX)) {
    throw new Error(
      'packages/web/dist is missing: run `cd packages/web && npx vite build` (or `npm run build`) first',
    );
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

export const PASSWORD = 'correct horse battery';

/** Signs up through the sign-up form, landing on `next`; returns the page, signed in. */
export async function signUpThroughUi(
  context: BrowserContext,
  base: string,
  username: string,
  next: string,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/auth/sign-up?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Email').fill(`${username}@example.org`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('I agree to the rules of this server').check();
  const response = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/sign_up'));
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();
  const status = (await response).status();
  if (status !== 200)
    throw new Error(`sign-up of ${username} answered ${status}: ${await (await response).text()}`);
  await page.waitForURL((url) => url.pathname + url.search === next);
  return page;
}

/** Waits until the room's stream is connected, so what is posted next arrives live. */
export async function waitForLive(page: Page): Promise<void> {
  await page.locator('.stream-live').waitFor();
}

/** Posts `text` from the room composer of `tag` and returns the created status's JSON. */
export async function postInRoom(
  page: Page,
  tag: string,
  text: string,
): Promise<{ id: string; content: string }> {
  const box = page.getByLabel(`Post to #${tag}`);
  await box.fill(text);
  const response = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/statuses') && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  const answer = await response;
  if (answer.status() !== 200) throw new Error(`posting answered ${answer.status()}: ${await answer.text()}`);
  return answer.json();
}

/** The article of the status whose text contains `text`, inside the room's status list. */
export function statusArticle(page: Page, text: string) {
  return page.getByRole('list', { name: 'Statuses' }).getByRole('article').filter({ hasText: text });
}

/** Replies to the status of `article`: types after the prefilled mention of `acct`, and posts. */
export async function replyTo(page: Page, article: Locator, acct: string, text: string): Promise<void> {
  await article.getByRole('button', { name: /^Reply/ }).click();
  const box = page.getByLabel(`Reply to @${acct}`);
  await box.press('End');
  await box.pressSequentially(text);
  await page.getByRole('button', { name: 'Post reply', exact: true }).click();
}

/** Calls the API from inside a signed-in page, with its cookie session and CSRF token. */
export async function apiFrom<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = await (await fetch('/api/v1/auth/session')).json();
      const response = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrf_token },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
      return text ? JSON.parse(text) : null;
    },
    { method, path, body },
  );
}

/** The texts of the room's statuses as a page shows them. */
export function roomTexts(page: Page): Promise<string[]> {
  return page
    .getByRole('list', { name: 'Statuses', exact: true })
    .first()
    .locator('article .status-content')
    .allInnerTexts();
}
