// Gets bearer tokens the way a Mastodon app does: register an app, take an app token with
// client_credentials, register a user with it (the answer carries the user's token).
// Works against Hashchat and against bench/baseline.mjs.
//
//   node bench/hashchat-client.mjs --url http://127.0.0.1:3000 [--users 10]   (tokens, one a line)
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const call = async (baseUrl, path, body, token, method = 'POST') => {
  const res = await fetch(new URL(path, baseUrl), {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 200)}`);
  return JSON.parse(text);
};

/** Registers an OAuth app and returns its app token (client_credentials grant). */
export const createAppToken = async (baseUrl) => {
  const app = await call(baseUrl, '/api/v1/apps', {
    client_name: 'Hashchat bench',
    redirect_uris: 'urn:ietf:wg:oauth:2.0:oob',
    scopes: 'read write',
  });
  const token = await call(baseUrl, '/oauth/token', {
    grant_type: 'client_credentials',
    client_id: app.client_id,
    client_secret: app.client_secret,
    scope: 'read write',
  });
  return token.access_token;
};

/**
 * Registers `count` users through one app and returns their access tokens.
 * @param {string} baseUrl @param {number} count @param {string} [prefix] username prefix
 * @returns {Promise<string[]>}
 */
export const createBenchUsers = async (baseUrl, count, prefix) =>
  (await createBenchAccounts(baseUrl, count, prefix)).map((a) => a.token);

/**
 * Registers `count` users through one app.
 * @param {string} baseUrl @param {number} count @param {string} [prefix] username prefix
 * @returns {Promise<{ token: string, username: string }[]>}
 */
export const createBenchAccounts = async (
  baseUrl,
  count,
  prefix = `bench${randomBytes(3).toString('hex')}`,
) => {
  const appToken = await createAppToken(baseUrl);
  const accounts = [];
  for (let i = 0; i < count; i++) {
    const username = `${prefix}_${i}`;
    const user = await call(
      baseUrl,
      '/api/v1/accounts',
      {
        username,
        email: `${username}@example.com`,
        password: `bench-${randomBytes(12).toString('hex')}`,
        agreement: true,
        locale: 'en',
      },
      appToken,
    );
    accounts.push({ token: user.access_token, username });
  }
  return accounts;
};

/** The account id behind a user token (`GET /api/v1/accounts/verify_credentials`). */
export const accountId = async (baseUrl, token) =>
  (await call(baseUrl, '/api/v1/accounts/verify_credentials', null, token, 'GET')).id;

/** Blocks or mutes account `id` as the user of `token`: that user's streams must no longer carry its statuses. */
export const exclude = (baseUrl, token, id, how) => call(baseUrl, `/api/v1/accounts/${id}/${how}`, {}, token);

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:3000' },
      users: { type: 'string', default: '1' },
    },
  });
  const tokens = await createBenchUsers(values.url, Number(values.users));
  process.stdout.write(`${tokens.join('\n')}\n`);
}
