/**
 * Saves a desktop screenshot of a busy room to docs/screenshot-room.png. Not a test: run it
 * after building the web app with `node packages/web/test/run-screenshot.mjs`.
 */
import path from 'node:path';
import { registerUser } from '../../server/test/support/client';
import { startTestServer } from '../../server/test/support/test-server';
import { assertWebBuilt, launchChromium, signUpThroughUi, waitForLive } from './support/browser';

const OUT = path.resolve(import.meta.dirname, '../../../docs/screenshot-room.png');
const TAG = 'SmallBizChat';

const SCRIPT: [who: number, text: string][] = [
  [
    0,
    'Welcome to #SmallBizChat! Tonight: getting your first 100 customers. Say hi and tell us what you build 👋',
  ],
  [1, 'Hi all! Maya here, I run a tiny bakery in Leeds 🥐'],
  [2, 'Evening! Freelance illustrator, first chat for me.'],
  [0, 'Q1 Where did your very first customer come from?'],
  [1, 'A1 A neighbour who smelled the bread through the window. Literally.'],
  [2, 'A1 A friend of a friend who saw a sketch on my feed and asked for a commission.'],
  [3, 'A1 Cold emails, 40 of them, one reply. That reply is still my best client.'],
];

async function main() {
  assertWebBuilt();
  const server = await startTestServer();
  const browser = await launchChromium();
  try {
    const people = await Promise.all(
      ['hostjane', 'maya_bakes', 'inkbyleo', 'sam_ops'].map((name) => registerUser(server.url, name)),
    );
    const names = ['Jane (host)', 'Maya', 'Leo', 'Sam'];
    await Promise.all(
      people.map((p, i) =>
        p.api.request('PATCH', '/api/v1/accounts/update_credentials', { display_name: names[i] }),
      ),
    );
    const ids: string[] = [];
    for (const [who, text] of SCRIPT) {
      const res = await people[who].api.post('/api/v1/statuses', {
        status: `${text} #${TAG}`.replace(` #${TAG} #${TAG}`, ` #${TAG}`),
      });
      ids.push(res.body.id);
    }
    await people[0].api.post(`/api/v1/statuses/${ids[4]}/favourite`);
    await people[2].api.post(`/api/v1/statuses/${ids[4]}/favourite`);
    await people[3].api.post(`/api/v1/statuses/${ids[3]}/reblog`);

    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      colorScheme: 'light',
    });
    const page = await signUpThroughUi(context, server.url, 'you', `/tags/${TAG}`);
    await waitForLive(page);
    await page.getByLabel(`Post to #${TAG}`).fill('A1 Word of mouth at a farmers market');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.screenshot({ path: OUT });
    console.log(`saved ${OUT}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
