/**
 * Waits until a client's stream is connected, then posts until one of the posted statuses comes
 * back over it, and returns that one. A WebSocket that names its stream in the URL (every library
 * here does) is subscribed just after it opens, and nothing tells the client when (Mastodon sends
 * nothing either), so a status posted in that moment is not on the stream: posting again at a
 * bounded pace, and waiting for the update event, keeps the test independent of that timing.
 * Rejects after `attempts` posts with nothing received.
 */
export async function receiveWhilePosting(
  listen: (onUpdate: (id: string) => void) => void,
  connected: () => Promise<void>,
  post: () => Promise<string>,
  { attempts = 20, eachMs = 250 } = {},
): Promise<{ posted: string[]; received: string }> {
  const posted: string[] = [];
  let arrived: (id: string) => void = () => {};
  const received: string[] = [];
  listen((id) => {
    received.push(id);
    arrived(id);
  });
  await withTimeout(connected(), 10_000, 'the stream to connect');
  for (let i = 0; i < attempts; i++) {
    posted.push(await post());
    const hit = received.find((id) => posted.includes(id));
    if (hit) return { posted, received: hit };
    const next = await new Promise<string | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), eachMs);
      arrived = (id) => {
        if (posted.includes(id)) {
          clearTimeout(timer);
          resolve(id);
        }
      };
    });
    arrived = () => {};
    if (next) return { posted, received: next };
  }
  throw new Error(
    `none of ${posted.length} posted statuses arrived; received ${received.join(', ') || 'nothing'}`,
  );
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
