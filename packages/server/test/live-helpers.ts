// biome-ignore-all lint/suspicious/noExplicitAny: API tests read untyped JSON bodies; each test asserts the fields it needs.
import { expect } from 'vitest';
import { type Api, registerUser } from './support/client';
import type { TestServer } from './support/test-server';
import { waitFor } from './support/wait';

export type User = Awaited<ReturnType<typeof registerUser>>;

export const uniqueTag = (prefix = 'live') => `${prefix}${Math.random().toString(36).slice(2, 8)}`;

/** A host with a chat on a fresh hashtag, and a session of it. */
export async function chatWithSession(
  server: TestServer,
  opts: { startsAt?: string; endsAt?: string; live?: boolean; extraTag?: string; guests?: string[] } = {},
) {
  const host = await registerUser(server.url);
  const hashtag = uniqueTag();
  const chat = await host.api.post('/api/v1/chats', { hashtag, title: 'Live chat', time_zone: 'UTC' });
  expect(chat.status).toBe(200);
  const now = Date.now();
  const session = await host.api.post(`/api/v1/chats/${chat.body.id}/sessions`, {
    starts_at: opts.startsAt ?? new Date(now + 60 * 60_000).toISOString(),
    ends_at: opts.endsAt ?? new Date(now + 120 * 60_000).toISOString(),
    ...(opts.extraTag ? { extra_tag: opts.extraTag } : {}),
    ...(opts.guests ? { guests: opts.guests } : {}),
  });
  expect(session.status).toBe(200);
  const sessionId = session.body.id as string;
  if (opts.live) {
    const started = await host.api.post(`/api/v1/sessions/${sessionId}/start`);
    expect(started.status).toBe(200);
  }
  return { host, hashtag, chatId: chat.body.id as string, sessionId };
}

export async function post(api: Api, status: string, inReplyToId?: string): Promise<any> {
  const res = await api.post('/api/v1/statuses', {
    status,
    ...(inReplyToId ? { in_reply_to_id: inReplyToId } : {}),
  });
  expect(res.status).toBe(200);
  return res.body;
}

/** The whole room, newest first, as `api` reads it (with optional query). */
export async function room(api: Api, sessionId: string, query = ''): Promise<any[]> {
  const res = await api.get(`/api/v1/sessions/${sessionId}/room${query ? `?${query}` : ''}`);
  expect(res.status).toBe(200);
  return res.body;
}

export async function addQuestion(
  api: Api,
  sessionId: string,
  text: string,
  extra: Record<string, unknown> = {},
) {
  const res = await api.post(`/api/v1/sessions/${sessionId}/questions`, {
    text,
    offset_minutes: null,
    ...extra,
  });
  expect(res.status).toBe(200);
  return res.body;
}

export async function waitUntil(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  await waitFor(check, { timeoutMs });
}

export const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));
