import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { type AppEntity, approve, createApp, OOB, userWithScopes } from '../support/oauth';

/** What a client test needs of a user: the login for the consent form and a token for setup. */
export interface ClientUser {
  id: string;
  username: string;
  token: string;
}

/** Registers a user through the API (the clients under test then sign in as them through OAuth). */
export async function registerUser(base: string): Promise<ClientUser> {
  const u = await userWithScopes(base, 'read write follow push');
  return { id: u.id, username: u.username, token: u.token };
}

/**
 * Approves a client's authorization request as `login` on the consent form, as a person would in
 * the browser, and returns the authorization code the client exchanges itself.
 */
export async function consentCode(
  base: string,
  clientId: string,
  login: string,
  scope: string,
  redirectUri = OOB,
): Promise<string> {
  const res = await approve(
    base,
    { id: '', client_id: clientId, client_secret: '', scopes: [], redirect_uris: [redirectUri] },
    { login, scope, redirectUri },
  );
  const location = res.headers.get('location') ?? '';
  // The out-of-band redirect shows the code on a page instead of redirecting.
  const code = location
    ? new URL(location, base).searchParams.get('code')
    : (await res.text()).match(/<code[^>]*>([^<]+)<\/code>/)?.[1];
  if (!code) throw new Error(`consent: ${res.status} ${location}`);
  return code;
}

/** A token for `login` obtained through the authorization-code flow of a fresh app. */
export async function oauthToken(
  base: string,
  login: string,
  scope = 'read write follow push',
): Promise<{ token: string; app: AppEntity }> {
  const app = await createApp(base, scope);
  const code = await consentCode(base, app.client_id, login, scope);
  const res = await fetch(`${base}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'authorization_code',
      code,
      client_id: app.client_id,
      client_secret: app.client_secret,
      redirect_uri: OOB,
    }),
  });
  const body = (await res.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`token: ${res.status} ${JSON.stringify(body)}`);
  return { token: body.access_token, app };
}

/** A small PNG on disk (with its bytes), for the clients that upload files by path. */
export async function pngFile(dir: string, name = 'slide.png'): Promise<{ file: string; bytes: Buffer }> {
  const bytes = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#c84' } })
    .png()
    .toBuffer();
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return { file, bytes };
}

/** A temporary folder removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program to its end (killed after `timeoutMs`), with `env` added to a minimal environment. */
export function run(
  command: string,
  args: string[],
  env: Record<string, string>,
  { timeoutMs = 60_000, input }: { timeoutMs?: number; input?: string } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input ?? '');
  });
}
