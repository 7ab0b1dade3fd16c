// Fills a fresh Hashchat instance with sample hosts, chats, sessions and conversation, over
// the public HTTP API (so it works against any running server, SQLite or PostgreSQL).
//
//   npm run demo [-- base-url]
//
// It finds the server the way `npm start` was told to listen: the base URL given, else
// $HASHCHAT_URL, else $PUBLIC_URL, else http://$HOST:$PORT (defaults 127.0.0.1 and 3000).
//   DEMO_SUFFIX=_2 node scripts/demo.mjs     (run again on the same instance with new names)
//
// The first account an instance gets is its admin: on a fresh instance that is `demo_admin`.

function serverUrl(env = process.env) {
  if (process.argv[2]) return process.argv[2];
  if (env.HASHCHAT_URL) return env.HASHCHAT_URL;
  if (env.PUBLIC_URL) return env.PUBLIC_URL;
  const host = !env.HOST || env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${env.PORT || 3000}`;
}

const BASE = serverUrl().replace(/\/$/, '');
const SUFFIX = process.env.DEMO_SUFFIX ?? '';
const PASSWORD = 'hashchat-demo-password';
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

async function call(token, method, path, body) {
  const res = await fetch(BASE + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return data;
}

async function appToken() {
  const app = await call(null, 'POST', '/api/v1/apps', {
    client_name: 'Hashchat demo',
    redirect_uris: 'urn:ietf:wg:oauth:2.0:oob',
    scopes: 'read write follow push',
  });
  const tok = await call(null, 'POST', '/oauth/token', {
    grant_type: 'client_credentials',
    client_id: app.client_id,
    client_secret: app.client_secret,
    scope: 'read write follow push',
  });
  return tok.access_token;
}

async function register(app, username, displayName, note) {
  const name = `${username}${SUFFIX}`;
  let tok;
  try {
    tok = await call(app, 'POST', '/api/v1/accounts', {
      username: name,
      email: `${name}@demo.hashchat.test`,
      password: PASSWORD,
      agreement: true,
      locale: 'en',
    });
  } catch (err) {
    if (String(err).includes('ERR_TAKEN')) {
      throw new Error(
        `"${name}" already exists: run the demo on a fresh instance, or set DEMO_SUFFIX to use other names`,
      );
    }
    throw err;
  }
  const api = {
    token: tok.access_token,
    get: (p) => call(tok.access_token, 'GET', p),
    post: (p, b) => call(tok.access_token, 'POST', p, b ?? {}),
    patch: (p, b) => call(tok.access_token, 'PATCH', p, b),
  };
  const me = await call(tok.access_token, 'PATCH', '/api/v1/accounts/update_credentials', {
    display_name: displayName,
    note,
  }).catch(() => api.get('/api/v1/accounts/verify_credentials'));
  return { ...api, id: me.id, username: name };
}

/** "YYYY-MM-DDTHH:mm" of an instant in a zone (what `schedule.starts_at` wants). */
function localIn(ms, timeZone) {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(new Date(ms))
    .replace(' ', 'T');
}

/** The next `weekday` (0 = Sunday) at least a day away, as a local date "YYYY-MM-DD" in a zone. */
function nextWeekday(weekday, timeZone, from = Date.now()) {
  for (let d = 1; d <= 8; d++) {
    const ms = from + d * DAY;
    const name = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(new Date(ms));
    if (['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(name) === weekday)
      return localIn(ms, timeZone).slice(0, 10);
  }
  throw new Error('unreachable');
}

const iso = (ms) => new Date(ms).toISOString();
const tag = (t) => `${t}${SUFFIX.replace(/[^A-Za-z0-9_]/g, '')}`;

async function main() {
  console.log(`Filling ${BASE} with demo data…`);
  const app = await appToken();
  const admin = await register(app, 'demo_admin', 'Demo Admin', 'Runs this instance.');
  const rosa = await register(app, 'rosa_kitchen', 'Rosa Martínez', 'Chef and owner of Casa Rosa, Brooklyn.');
  const finn = await register(app, 'finn_advisor', 'Finn Okafor', 'Independent financial adviser.');
  const mayor = await register(app, 'mayor_lee', 'Mayor Dana Lee', 'Mayor of Riverton.');
  const edu = await register(
    app,
    'edtech_week',
    'EdTech Week',
    'A week of expert sessions on learning and technology.',
  );
  const shop = await register(app, 'shoptalk', 'ShopTalk', 'Independent retailers swapping notes.');
  const experts = [
    await register(app, 'dr_amani', 'Dr. Amani Yusuf', 'Learning scientist.'),
    await register(app, 'prof_klein', 'Prof. Lena Klein', 'Teaches computer science.'),
    await register(app, 'sam_budget', 'Sam Ortiz', 'Budgeting coach.'),
  ];
  const people = [];
  for (const [u, d] of [
    ['alex', 'Alex'],
    ['bea', 'Bea'],
    ['chen', 'Chen'],
    ['dev', 'Dev'],
    ['eli', 'Eli'],
  ]) {
    people.push(await register(app, u, d, 'Here for the chats.'));
  }
  const now = Date.now();

  // A restaurant's weekly chat, with a past session and its conversation, and a one-off Q&A within the hour.
  const tacoTag = tag('TacoTuesdayChat');
  const taco = await rosa.post('/api/v1/chats', {
    hashtag: tacoTag,
    title: 'Taco Tuesday Chat',
    description: 'Every Tuesday: recipes, salsas and the stories behind them, with Chef Rosa.',
    category: 'food-restaurants',
    language: 'en',
    time_zone: 'America/New_York',
    rules: 'Be kind. Answer with A1, A2… so everyone can follow. No spam.',
    schedule: {
      starts_at: `${nextWeekday(2, 'America/New_York')}T20:00`,
      duration_minutes: 60,
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
    },
  });
  const past = await rosa.post(`/api/v1/chats/${taco.id}/sessions`, {
    title: 'Salsa basics',
    starts_at: iso(now - 5 * MIN),
    ends_at: iso(now + 55 * MIN),
  });
  await rosa.post(`/api/v1/sessions/${past.id}/start`).catch(() => {}); // the scheduler may have been first
  const conversation = [
    [rosa, `Welcome to #${tacoTag}! Tonight: salsa basics. Introduce yourselves 👋`],
    [rosa, `Q1 What is the one salsa you always have in your fridge? #${tacoTag}`],
    [people[0], `A1 Salsa verde, always. Tomatillos, lime, lots of cilantro #${tacoTag}`],
    [people[1], `A1 A smoky chipotle salsa, I make a jar every Sunday #${tacoTag}`],
    [people[2], `A1 Pico de gallo, but only in summer when the tomatoes are good #${tacoTag}`],
    [rosa, `Q2 Roasted or raw tomatoes for salsa roja? #${tacoTag}`],
    [people[3], `A2 Roasted! Char them in a dry pan first #${tacoTag}`],
    [people[0], `A2 Raw for pico, roasted for everything else #${tacoTag}`],
    [rosa, `Thanks everyone, see you next Tuesday at 20:00 New York time! #${tacoTag}`],
  ];
  for (const [who, text] of conversation) await who.post('/api/v1/statuses', { status: text });
  await rosa.post(`/api/v1/sessions/${past.id}/end`);
  const qa = await rosa.post(`/api/v1/chats/${taco.id}/sessions`, {
    title: "Chef's Q&A: ask Rosa anything",
    starts_at: iso(now + 25 * MIN),
    duration_minutes: 45,
  });
  // Its agenda, published by the scheduler at its times, readable before the chat.
  for (const [text, offset, kind] of [
    ['Welcome to the Q&A! Say hi and tell us where you cook from 👋', 0, 'intro'],
    ['What dish do you want to master this year?', 5, 'question'],
    ['Which kitchen tool could you not live without?', 15, 'question'],
    ["What's your best tip for cooking for a crowd?", 25, 'question'],
    ['Thanks for joining! Next Taco Tuesday is at 20:00 New York time.', 40, 'closing'],
  ]) {
    await rosa.post(`/api/v1/sessions/${qa.id}/questions`, { text, offset_minutes: offset, kind });
  }
  await rosa.patch(`/api/v1/sessions/${qa.id}`, { agenda_public: true });

  // A finance chat that is live right now, with a guest expert.
  const moneyTag = tag('MoneyMatters');
  const money = await finn.post('/api/v1/chats', {
    hashtag: moneyTag,
    title: 'Money Matters',
    description: 'Personal finance in plain words, every Thursday evening in London.',
    category: 'finance',
    language: 'en',
    time_zone: 'Europe/London',
    rules: 'No individual investment advice. Be respectful.',
    schedule: {
      starts_at: `${nextWeekday(4, 'Europe/London')}T18:00`,
      duration_minutes: 60,
      rrule: 'FREQ=WEEKLY;BYDAY=TH',
    },
  });
  const live = await finn.post(`/api/v1/chats/${money.id}/sessions`, {
    title: 'Budgeting for the holidays',
    starts_at: iso(now - 10 * MIN),
    ends_at: iso(now + 50 * MIN),
    guests: [{ account_id: experts[2].id, badge: 'Budgeting coach' }],
  });
  await finn.post(`/api/v1/sessions/${live.id}/start`).catch(() => {});
  // The agenda: Q1 is out, Q2 goes out at +20 minutes by itself, Q3 waits for the host's Next.
  const agenda = [];
  for (const [text, offset] of [
    ['How do you plan gift spending?', null],
    ['What is one money habit you picked up this year?', 20],
    ['Cash, card or envelopes: how do you stop overspending?', null],
  ]) {
    agenda.push(await finn.post(`/api/v1/sessions/${live.id}/questions`, { text, offset_minutes: offset }));
  }
  const q1 = await finn.post(`/api/v1/questions/${agenda[0].id}/publish`);
  const a1 = await people[4].post('/api/v1/statuses', {
    status: `A1 A spreadsheet and a hard limit per person #${moneyTag}`,
  });
  await experts[2].post('/api/v1/statuses', {
    status: `A1 Start with the total you can afford, then split it, not the other way round #${moneyTag}`,
  });
  // Forgot the hashtag, but replying to Q1 puts it in the room anyway.
  await people[1].post('/api/v1/statuses', {
    status: 'I keep a list of everyone and a number next to each name',
    in_reply_to_id: q1.status.id,
  });
  await people[2].post('/api/v1/statuses', {
    status: `A1 Honestly? I don't, and January hurts #${moneyTag}`,
  });
  await finn.post('/api/v1/statuses', { status: 'Love this, simple and it works', in_reply_to_id: a1.id });
  await finn.post(`/api/v1/sessions/${live.id}/spotlight`, { status_id: a1.id });

  // An event week: five expert sessions under one hashtag, each with its own guest and extra tag.
  const eduTag = tag('EdTechWeek');
  const eduChat = await edu.post('/api/v1/chats', {
    hashtag: eduTag,
    title: 'EdTech Week',
    description: 'Five days, five experts: how technology changes learning.',
    category: 'education',
    language: 'en',
    time_zone: 'Europe/Berlin',
    rules: 'Questions welcome; guests answer in threads.',
  });
  const weekStart = nextWeekday(1, 'Europe/Berlin');
  const topics = [
    ['AI tutors: hype or help?', experts[0], 'AITutors'],
    ['Teaching programming to 10-year-olds', experts[1], 'KidsCode'],
    ['Assessment without exams', experts[0], 'Assessment'],
    ['Open textbooks', experts[1], 'OpenEd'],
    ['Wrap-up: what we learned', experts[0], null],
  ];
  await edu.post(`/api/v1/chats/${eduChat.id}/events`, {
    name: 'EdTech Week',
    description: 'Daily at 17:00 Berlin time',
    sessions: topics.map(([title, guest, extra], i) => ({
      title,
      starts_at: `${localIn(Date.parse(`${weekStart}T12:00:00Z`) + i * DAY, 'Europe/Berlin').slice(0, 10)}T17:00`,
      duration_minutes: 60,
      guests: [{ account_id: guest.id, badge: 'Guest expert' }],
      extra_tag: extra,
    })),
  });

  // A town hall, and a warm-up starting within the hour.
  const mayorTag = tag('AskTheMayor');
  const townHall = await mayor.post('/api/v1/chats', {
    hashtag: mayorTag,
    title: 'Riverton Town Hall',
    description: 'Ask the mayor anything about the city budget, transit and parks.',
    category: 'events',
    language: 'en',
    time_zone: 'America/Chicago',
    rules: 'One question per status. Questions are answered in the order of likes.',
    schedule: {
      starts_at: `${localIn(now + 3 * DAY, 'America/Chicago').slice(0, 10)}T19:00`,
      duration_minutes: 90,
    },
  });
  await mayor.post(`/api/v1/chats/${townHall.id}/sessions`, {
    title: 'Warm-up: send your questions early',
    starts_at: iso(now + 50 * MIN),
    duration_minutes: 30,
  });
  await mayor.post(`/api/v1/chats/${townHall.id}/co_hosts`, { account_id: admin.id });

  // A monthly retail chat: the first Wednesday of each month.
  await shop.post('/api/v1/chats', {
    hashtag: tag('ShopTalk'),
    title: 'ShopTalk',
    description: 'Independent shop owners on stock, staff and the high street.',
    category: 'retail',
    language: 'en',
    time_zone: 'Europe/London',
    schedule: {
      starts_at: `${localIn(now + 2 * DAY, 'Europe/London').slice(0, 10)}T12:30`,
      duration_minutes: 45,
      rrule: 'FREQ=MONTHLY;BYDAY=1WE',
    },
  });

  // Participants follow what interests them (they get reminders and a calendar feed).
  for (const [i, p] of people.entries()) {
    for (const chat of [taco, money, eduChat, townHall].filter((_, j) => (i + j) % 2 === 0 || j === 3)) {
      await p.post(`/api/v1/chats/${chat.id}/follow`);
    }
  }

  const dir = await call(null, 'GET', '/api/v1/chats/directory');
  console.log(
    `Done. Directory: ${dir.live.length} live now, ${dir.starting_soon.length} starting within the hour, ${dir.upcoming.length} upcoming days.`,
  );
  console.log(
    `Accounts (password "${PASSWORD}"): ${[admin, rosa, finn, mayor, edu, shop, ...experts, ...people].map((a) => a.username).join(', ')}`,
  );
  console.log(`Chats: #${tacoTag} #${moneyTag} #${eduTag} #${mayorTag} #${tag('ShopTalk')}`);
}

main().catch((err) => {
  if (err instanceof TypeError && /fetch failed/.test(err.message)) {
    console.error(
      `Could not reach Hashchat at ${BASE} (${err.cause?.code ?? err.message}). Is the server running (npm start)?\n` +
        'Point the demo at it with the same PORT / HOST / PUBLIC_URL you started it with, with HASHCHAT_URL, or as: npm run demo -- <url>',
    );
  } else console.error(err.message ?? err);
  process.exitCode = 1;
});
