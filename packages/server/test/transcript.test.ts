import { parse as parseCsv } from 'csv-parse/sync';
import { type DefaultTreeAdapterMap, parse as parseHtml } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Api } from './support/client';
import { type Seeded, seedTranscript } from './transcript-seed';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

let seed: Seeded;
let anon: Api;
/** Status ids in the transcript's reading order: Q1, its answers, Q2, its answers, then the others. */
let readingOrder: string[];
/** Status ids in time order. */
let timeOrder: string[];

beforeAll(async () => {
  seed = await seedTranscript();
  anon = new Api(seed.server.url);
  const { s } = seed;
  readingOrder = [s.q1, s.annA1, s.bobA1, s.catA1, s.danLate, s.q2, s.annA2, s.bobComment];
  timeOrder = [s.q1, s.annA1, s.bobA1, s.catA1, s.q2, s.annA2, s.bobComment, s.danLate];
});
afterAll(async () => {
  await seed?.server.close();
});

// --- a small DOM toolkit over parse5's tree ---
const isElement = (n: Node): n is Element => 'tagName' in n;
function* walk(n: Node): Generator<Element> {
  if (isElement(n)) yield n;
  const kids = 'childNodes' in n ? n.childNodes : [];
  for (const c of kids) yield* walk(c as Node);
}
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value ?? null;
const all = (root: Node, pred: (e: Element) => boolean) => [...walk(root)].filter(pred);
const one = (root: Node, pred: (e: Element) => boolean) => {
  const found = all(root, pred);
  expect(found.length, 'exactly one element').toBe(1);
  return found[0];
};
const text = (n: Node): string =>
  'value' in n && (n as { nodeName: string }).nodeName === '#text'
    ? (n as { value: string }).value
    : 'childNodes' in n
      ? (n.childNodes as Node[]).map(text).join('')
      : '';
const hasClass = (e: Element, c: string) => (attr(e, 'class') ?? '').split(/\s+/).includes(c);
const statusIdsIn = (root: Node) =>
  all(root, (e) => e.tagName === 'article').map((e) => attr(e, 'data-status-id'));
const meta = (doc: Node, key: string) =>
  attr(
    one(doc, (e) => e.tagName === 'meta' && (attr(e, 'property') === key || attr(e, 'name') === key)),
    'content',
  );

// --- the API entities, as a schema ---
const account = z.object({
  id: z.string().regex(/^\d+$/),
  username: z.string(),
  acct: z.string(),
  url: z.url(),
  display_name: z.string(),
});
const roomStatus = z.object({
  id: z.string().regex(/^\d+$/),
  created_at: z.iso.datetime(),
  in_reply_to_id: z.string().nullable(),
  url: z.url(),
  content: z.string(),
  language: z.string().nullable(),
  favourites_count: z.number().int(),
  reblogs_count: z.number().int(),
  account,
  mentions: z.array(z.object({ id: z.string(), acct: z.string() })),
  tags: z.array(z.object({ name: z.string(), url: z.url() })),
  chat: z.object({
    session_id: z.string(),
    kind: z.enum(['question', 'answer', 'comment']),
    question_number: z.number().int().nullable(),
    late: z.boolean(),
    spotlighted: z.boolean(),
    room_state: z.literal('visible'),
    author_role: z.enum(['host', 'co_host', 'guest']).nullable(),
  }),
});
const transcriptBody = z.object({
  session: z.object({ id: z.string(), title: z.string(), state: z.string(), hashtag: z.string() }),
  final: z.boolean(),
  questions: z.array(
    z.object({
      question_number: z.number().int(),
      status_id: z.string().nullable(),
      text: z.string().nullable(),
      answers_count: z.number().int(),
    }),
  ),
  statuses: z.array(roomStatus),
});
type TranscriptBody = z.infer<typeof transcriptBody>;

const nextLink = (link: string | null) => (link ? (/<([^>]+)>;\s*rel="next"/.exec(link)?.[1] ?? null) : null);

describe('GET /api/v1/sessions/:id/transcript (JSON, keyset pages)', () => {
  it('pages through every visible status, oldest first, following Link rel="next"', async () => {
    const seen: string[] = [];
    let url: string | null = `${seed.server.url}/api/v1/sessions/${seed.sessionId}/transcript?limit=3`;
    let pages = 0;
    while (url && pages < 10) {
      const res = await fetch(url);
      expect(res.status).toBe(200);
      const body = transcriptBody.parse(await res.json());
      if (body.statuses.length === 0) break;
      seen.push(...body.statuses.map((x) => x.id));
      url = nextLink(res.headers.get('link'));
      pages += 1;
    }
    expect(seen).toEqual(timeOrder);
    expect(pages).toBe(3);
  });

  it('goes newest first with order=desc, and back with rel="prev"', async () => {
    const base = `/api/v1/sessions/${seed.sessionId}/transcript`;
    const first = await anon.get(`${base}?order=desc&limit=3`);
    expect(first.body.statuses.map((x: { id: string }) => x.id)).toEqual(timeOrder.slice(-3).reverse());
    const second = await fetch(nextLink(first.headers.get('link'))!);
    const secondBody = transcriptBody.parse(await second.json());
    expect(secondBody.statuses.map((x) => x.id)).toEqual(timeOrder.slice(-6, -3).reverse());
    const prev = /<([^>]+)>;\s*rel="prev"/.exec(second.headers.get('link')!)![1];
    const back = transcriptBody.parse(await (await fetch(prev)).json());
    expect(back.statuses.map((x) => x.id)).toEqual(timeOrder.slice(-3).reverse());
  });

  it('filters one question thread and carries the question index', async () => {
    const r = await anon.get(`/api/v1/sessions/${seed.sessionId}/transcript?question_number=1`);
    const body = transcriptBody.parse(r.body);
    const { s } = seed;
    expect(body.statuses.map((x) => x.id)).toEqual([s.q1, s.annA1, s.bobA1, s.catA1, s.danLate]);
    expect(body.questions).toEqual([
      { question_number: 1, status_id: s.q1, text: seed.text.q1, answers_count: 4 },
      { question_number: 2, status_id: s.q2, text: seed.text.q2, answers_count: 1 },
    ]);
    const byId = new Map(body.statuses.map((x) => [x.id, x]));
    expect(byId.get(s.q1)?.chat).toMatchObject({ kind: 'question', question_number: 1, author_role: 'host' });
    expect(byId.get(s.catA1)?.chat).toMatchObject({ kind: 'answer', question_number: 1, late: false });
    expect(byId.get(s.danLate)?.chat).toMatchObject({ kind: 'answer', late: true });
    expect(byId.get(s.bobA1)?.chat.spotlighted).toBe(true);
  });

  it('shows the viewer their own likes', async () => {
    const r = await seed.users.dan.api.get(`/api/v1/sessions/${seed.sessionId}/transcript?question_number=1`);
    const annA1 = r.body.statuses.find((x: { id: string }) => x.id === seed.s.annA1);
    expect(annA1.favourited).toBe(true);
  });

  it.each([
    ['an unknown session', '/api/v1/sessions/99999999/transcript'],
    ['a malformed id', '/api/v1/sessions/x1/transcript'],
    ['an unknown session as HTML', '/api/v1/sessions/99999999/transcript.html'],
    ['an unknown session as CSV', '/api/v1/sessions/99999999/transcript.csv'],
    ['an unknown session as Markdown', '/api/v1/sessions/99999999/transcript.md'],
    ['an unknown session as JSON', '/api/v1/sessions/99999999/transcript.json'],
  ])('404s for %s', async (_name, path) => {
    const r = await anon.get(path);
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ error: 'Record not found' });
  });

  it('422s for a bad parameter', async () => {
    expect((await anon.get(`/api/v1/sessions/${seed.sessionId}/transcript?kind=rant`)).status).toBe(422);
  });
});

describe('exports', () => {
  let full: TranscriptBody;
  beforeAll(async () => {
    const r = await anon.get(`/api/v1/sessions/${seed.sessionId}/transcript.json`);
    expect(r.status).toBe(200);
    full = transcriptBody.parse(r.body);
  });

  it('JSON: the whole transcript as API entities, equal to the pages', async () => {
    expect(full.final).toBe(true);
    expect(full.statuses.map((x) => x.id)).toEqual(timeOrder);
    const paged = transcriptBody.parse(
      (await anon.get(`/api/v1/sessions/${seed.sessionId}/transcript?limit=200`)).body,
    );
    // Logged out, both are the same entities.
    expect(full.statuses).toEqual(paged.statuses);
    expect(full.statuses.map((x) => x.id)).not.toContain(seed.s.hidden);
    expect(full.statuses.map((x) => x.id)).not.toContain(seed.s.deleted);
  });

  it('CSV: a header row and one row per status, matching the transcript', async () => {
    const res = await fetch(`${seed.server.url}/api/v1/sessions/${seed.sessionId}/transcript.csv`);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.csv"/);
    const rows = parseCsv(await res.text(), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([
      'id',
      'created_at',
      'account',
      'kind',
      'question_number',
      'text',
      'url',
      'in_reply_to_id',
      'favourites_count',
      'reblogs_count',
      'late',
      'spotlighted',
      'media_urls',
    ]);
    expect(rows.map((r) => r.id)).toEqual(full.statuses.map((x) => x.id));
    const names = Object.fromEntries(Object.entries(seed.s).map(([k, v]) => [v, k]));
    for (const [i, row] of rows.entries()) {
      const st = full.statuses[i];
      expect(row).toMatchObject({
        created_at: st.created_at,
        account: st.account.acct,
        kind: st.chat.kind,
        question_number: st.chat.question_number === null ? '' : String(st.chat.question_number),
        url: st.url,
        in_reply_to_id: st.in_reply_to_id ?? '',
        favourites_count: String(st.favourites_count),
        reblogs_count: String(st.reblogs_count),
        late: String(st.chat.late),
        spotlighted: String(st.chat.spotlighted),
        media_urls: '',
      });
      // Text as written; a cell a spreadsheet would run as a formula gets a leading apostrophe.
      const written = seed.text[names[st.id]];
      expect(row.text).toBe(/^[=+\-@]/.test(written) ? `'${written}` : written);
    }
    expect(rows.find((r) => r.id === seed.s.danLate)?.text).toMatch(/^'@/);
  });

  it('Markdown: questions as headings, each status once, in reading order, text as written', async () => {
    const res = await fetch(`${seed.server.url}/api/v1/sessions/${seed.sessionId}/transcript.md`);
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown/);
    const md = await res.text();
    expect(md.match(/^### .+$/gm)).toEqual(['### Question 1', '### Question 2']);
    expect(md.indexOf('## Questions')).toBeLessThan(md.indexOf('## Other statuses'));
    const urls = [...md.matchAll(/^- \*\*@[^*]+\*\* \[\d\d:\d\d\]\(([^)]+)\)/gm)].map((m) => m[1]);
    const byId = new Map(full.statuses.map((x) => [x.id, x.url]));
    expect(urls).toEqual(readingOrder.map((id) => byId.get(id)));
    // Markdown syntax in a status is escaped, so it reads as written.
    expect(md).toContain('Carnitas, \\*crispy\\* ones');
    expect(md).toMatch(/Agreed! *$|_\(late\)_: /m);
    expect(md).not.toContain('Something rude');
  });

  it('HTML: one standalone file (no script, no external styles) with the statuses, recap charts and tables', async () => {
    const res = await fetch(`${seed.server.url}/api/v1/sessions/${seed.sessionId}/transcript.html`);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.html"/);
    const doc = parseHtml(await res.text());
    expect(all(doc, (e) => e.tagName === 'script')).toHaveLength(0);
    expect(all(doc, (e) => e.tagName === 'link' && attr(e, 'rel') === 'stylesheet')).toHaveLength(0);
    expect(all(doc, (e) => e.tagName === 'img')).toHaveLength(0);
    expect(all(doc, (e) => e.tagName === 'style')).toHaveLength(1);
    expect(statusIdsIn(doc)).toEqual(readingOrder);
    for (const id of ['chart-posts-per-minute', 'chart-answers-per-question']) {
      const svg = one(doc, (e) => e.tagName === 'svg' && attr(e, 'data-chart') === id);
      expect(all(svg, (e) => e.tagName === 'rect').length).toBeGreaterThan(0);
      const figure = all(doc, (e) => e.tagName === 'figure').find(
        (f) => all(f, (e) => e === svg).length === 1,
      )!;
      expect(all(figure, (e) => e.tagName === 'table')).toHaveLength(1);
    }
    const footer = one(doc, (e) => e.tagName === 'footer' && hasClass(e, 'page-footer'));
    expect(text(footer)).toContain('Exported from');
  });
});

describe('the transcript page /sessions/:id (server-rendered, no JavaScript)', () => {
  let doc: Node;
  let html: string;
  beforeAll(async () => {
    const res = await fetch(`${seed.server.url}/sessions/${seed.sessionId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    html = await res.text();
    doc = parseHtml(html);
  });

  it('shows every question, in order, each followed by its answers in order', () => {
    const threads = all(doc, (e) => e.tagName === 'li' && hasClass(e, 'thread'));
    expect(threads.map((t) => attr(t, 'data-question-number'))).toEqual(['1', '2']);
    const h3 = threads.map((t) => text(one(t, (e) => e.tagName === 'h3')));
    expect(h3[0]).toMatch(/^Question 1 · 4 answers/);
    expect(h3[1]).toMatch(/^Question 2 · 1 answer/);
    const { s } = seed;
    expect(statusIdsIn(threads[0])).toEqual([s.q1, s.annA1, s.bobA1, s.catA1, s.danLate]);
    expect(statusIdsIn(threads[1])).toEqual([s.q2, s.annA2]);
    const question = one(threads[0], (e) => e.tagName === 'article' && hasClass(e, 'question'));
    expect(text(question)).toContain('What is your favourite taco, and why?');
    const others = one(doc, (e) => e.tagName === 'section' && attr(e, 'id') === 'others');
    expect(statusIdsIn(others)).toEqual([s.bobComment]);
  });

  it('leaves hidden and deleted statuses out', () => {
    const ids = statusIdsIn(doc);
    expect(ids).not.toContain(seed.s.hidden);
    expect(ids).not.toContain(seed.s.deleted);
    expect(html).not.toContain('Something rude');
    expect(html).not.toContain('I changed my mind');
  });

  it('marks spotlighted, late and host statuses, and keeps links, mentions and hashtags live', () => {
    const article = (id: string) =>
      one(doc, (e) => e.tagName === 'article' && attr(e, 'data-status-id') === id);
    expect(hasClass(article(seed.s.bobA1), 'spotlighted')).toBe(true);
    expect(text(article(seed.s.bobA1))).toContain('Spotlighted');
    expect(hasClass(article(seed.s.danLate), 'late')).toBe(true);
    expect(text(article(seed.s.danLate))).toContain('Late');
    expect(text(article(seed.s.q1))).toContain('Host');
    expect(text(article(seed.s.q2))).toContain('Co-host');
    const hrefs = all(article(seed.s.bobA1), (e) => e.tagName === 'a').map((a) => attr(a, 'href'));
    expect(hrefs).toContain('https://Example.com/tacos#x');
    expect(hrefs).toContain(`${seed.server.url}/@${seed.users.ann.username}`);
    expect(hrefs).toContain(`${seed.server.url}/tags/${seed.tag}`);
    // Escaped, not markup: "<3" stays text.
    expect(text(article(seed.s.annA1))).toContain('Al pastor <3');
    const time = one(article(seed.s.annA1), (e) => e.tagName === 'time');
    expect(attr(time, 'datetime')).toBe('2027-03-01T14:51:00.000Z');
    expect(text(time)).toBe('09:51'); // New York
  });

  it('has a title, a description and Open Graph tags for sharing', () => {
    const head = one(doc, (e) => e.tagName === 'head');
    expect(text(one(head, (e) => e.tagName === 'title'))).toBe(
      `Tacos of the world — #${seed.tag} transcript`,
    );
    const url = `${seed.server.url}/sessions/${seed.sessionId}`;
    expect(meta(doc, 'og:url')).toBe(url);
    expect(meta(doc, 'og:type')).toBe('article');
    expect(meta(doc, 'og:title')).toBe(`Tacos of the world — #${seed.tag} transcript`);
    expect(meta(doc, 'og:description')).toMatch(/2 questions, 8 statuses from 6 participants/);
    expect(meta(doc, 'description')).toBe(meta(doc, 'og:description'));
    expect(meta(doc, 'twitter:card')).toBe('summary');
    expect(
      attr(
        one(doc, (e) => e.tagName === 'html'),
        'lang',
      ),
    ).toBe('en');
  });

  it('has headings in order and links to the recap and every export', () => {
    const levels = all(doc, (e) => /^h[1-6]$/.test(e.tagName)).map((e) => Number(e.tagName[1]));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1]).toBeLessThanOrEqual(1);
    const nav = one(doc, (e) => e.tagName === 'nav' && attr(e, 'aria-label') === 'This session');
    const tabs = all(nav, (e) => e.tagName === 'a');
    expect(tabs.map((a) => [text(a), attr(a, 'href'), attr(a, 'aria-current')])).toEqual([
      ['Transcript', `${seed.server.url}/sessions/${seed.sessionId}`, 'page'],
      ['Recap', `${seed.server.url}/sessions/${seed.sessionId}/recap`, null],
      ['All sessions of this chat', `${seed.server.url}/chats/${seed.chatId}/stats`, null],
    ]);
    const downloads = one(
      doc,
      (e) => e.tagName === 'ul' && attr(e, 'aria-label') === 'Download the transcript',
    );
    const api = `${seed.server.url}/api/v1/sessions/${seed.sessionId}`;
    expect(all(downloads, (e) => e.tagName === 'a').map((a) => attr(a, 'href'))).toEqual([
      `${api}/transcript.html`,
      `${api}/transcript.md`,
      `${api}/transcript.csv`,
      `${api}/transcript.json`,
    ]);
    const recap = one(doc, (e) => e.tagName === 'section' && attr(e, 'id') === 'recap');
    expect(all(recap, (e) => e.tagName === 'svg')).toHaveLength(2);
    // The table alternative of answers per question holds the figures.
    const tables = all(recap, (e) => e.tagName === 'table').map((t) => text(t));
    expect(tables.some((t) => t.includes('Q1') && t.includes('4') && t.includes('Q2'))).toBe(true);
    expect(text(recap)).toContain('distinct accounts following');
  });

  it("is drawn in the app's look: its header, its stylesheet, its script, and a policy that allows them", async () => {
    const header = one(doc, (e) => e.tagName === 'header' && hasClass(e, 'site-header'));
    expect(all(header, (e) => e.tagName === 'a').map((a) => attr(a, 'href'))).toContain('/chats');
    expect(text(header)).toContain('Sign in');
    const sheets = all(doc, (e) => e.tagName === 'link' && attr(e, 'rel') === 'stylesheet');
    expect(sheets.map((l) => attr(l, 'href'))).toEqual([expect.stringMatching(/^\/assets\/index-.+\.css$/)]);
    const scripts = all(doc, (e) => e.tagName === 'script');
    expect(scripts.map((s) => [attr(s, 'type'), attr(s, 'src')])).toEqual([
      ['module', expect.stringMatching(/^\/assets\/transcript-.+\.js$/)],
    ]);
    // No inline script: every script element has a src and no text.
    expect(scripts.every((s) => text(s) === '')).toBe(true);
    const res = await fetch(`${seed.server.url}/sessions/${seed.sessionId}`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/style-src 'self' 'sha256-[^']+'(;|$)/);
    // The linked files are served.
    for (const href of [attr(sheets[0], 'href'), attr(scripts[0], 'src')])
      expect((await fetch(`${seed.server.url}${href}`)).status, String(href)).toBe(200);
  });

  it("says when the session really ran and its headline figures, times marked for the reader's zone", () => {
    const span = one(doc, (e) => e.tagName === 'dl' && hasClass(e, 'session-span'));
    const item = (key: string) => one(span, (e) => attr(e, 'data-span') === key);
    const started = one(item('started'), (e) => e.tagName === 'time');
    expect(attr(started, 'datetime')).toBe('2027-03-01T14:50:00.000Z');
    expect(attr(started, 'data-zone')).toBe('America/New_York');
    // Without script: the chat's zone, named.
    expect(text(started)).toBe('Mon 1 Mar 2027, 09:50 America/New York');
    const ended = one(item('ended'), (e) => e.tagName === 'time');
    expect(attr(ended, 'datetime')).toBe('2027-03-01T14:56:00.000Z');
    expect(text(ended)).toBe('09:56 America/New York');
    expect(text(item('duration'))).toBe('Duration6 min');
    const peak = one(doc, (e) => attr(e, 'data-figure') === 'peak');
    const peakTime = one(peak, (e) => e.tagName === 'time');
    expect(attr(peakTime, 'datetime')).toBe('2027-03-01T14:51:00.000Z');
    expect(text(peakTime)).toBe('09:51 America/New York');
    expect(text(peak)).toContain('2 posts');
    expect(html).not.toContain('at minute');
  });

  it('says "final" once ended, and "live — updating" while the session ran', () => {
    expect(text(one(doc, (e) => hasClass(e, 'state')))).toMatch(/^Final transcript/);
    const live = parseHtml(seed.livePage);
    expect(text(one(live, (e) => hasClass(e, 'state')))).toMatch(/^Live — updating/);
    // While live, the late reply did not exist and the question index was the same.
    expect(statusIdsIn(live)).not.toContain(seed.s.danLate);
  });

  it.each([['/sessions/99999999'], ['/sessions/nope']])('%s is an HTML 404', async (path) => {
    const res = await fetch(seed.server.url + path);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('Transcript not found');
  });
});
