import { send } from './client';
/** Signs up through the web app's endpoint; returns the session cookie (`name=value`) and CSRF token. */
export async function webSignUp(base: string): Promise<{ cookie: string; csrf: string; name: string }> {
  const name = `c${Math.random().toString(36).slice(2, 10)}`;
  const res = await send(`${base}/api/v1/auth/sign_up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      username: name,
      email: `${name}@example.org`,
      password: 'correct horse battery',
      agreement: true,
      locale: 'en',
    }),
  });
  if (res.status !== 200) throw new Error(`sign_up: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  const body = await res.json();
  return { cookie, csrf: body.csrf_token as string, name };
}
