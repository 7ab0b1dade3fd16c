/**
 * Polls `condition` (sync or async) until it returns something other than false, null or
 * undefined, and resolves with that; rejects once `timeoutMs` have passed. For state the test
 * cannot await directly (a gauge, a row written by a background job); events have their own waits.
 */
export async function waitFor<T>(
  condition: () => T | false | null | undefined | Promise<T | false | null | undefined>,
  { timeoutMs = 5000, intervalMs = 10, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value !== false && value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Waits until a stream has taken up (`count` undefined: some reader is on it) or dropped
 * (`count` 0: no reader is) `topic` on `server`: what a user stream does, silently, when its
 * viewer follows or unfollows.
 */
export function streamOn(
  server: { ctx: { hub: { readersOn(topic: string): Promise<number> } } },
  topic: string,
  count?: number,
): Promise<true> {
  return waitFor(
    async () => {
      const n = await server.ctx.hub.readersOn(topic);
      return (count === undefined ? n > 0 : n === count) || null;
    },
    { what: `${count ?? 'some'} readers on ${topic}` },
  );
}
