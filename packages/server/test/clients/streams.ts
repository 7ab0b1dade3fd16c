/**
 * Listens on a client's stream, waits until `ready` (the stream is subscribed), posts once and
 * waits for that status to come back as an update; rejects after `timeoutMs`. Returns the
 * posted id and every id received.
 */
export async function receiveUpdate(
  listen: (onUpdate: (id: string) => void) => void,
  ready: () => Promise<unknown>,
  post: () => Promise<string>,
  timeoutMs = 10_000,
): Promise<{ posted: string; received: string[] }> {
  const received: string[] = [];
  let arrived: () => void = () => {};
  listen((id) => {
    received.push(id);
    arrived();
  });
  await withTimeout(ready(), timeoutMs, 'the stream to be subscribed');
  const posted = await post();
  await withTimeout(
    new Promise<void>((resolve) => {
      arrived = () => {
        if (received.includes(posted)) resolve();
      };
      arrived();
    }),
    timeoutMs,
    `status ${posted} on the stream (received ${received.join(', ') || 'nothing'})`,
  );
  return { posted, received };
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
