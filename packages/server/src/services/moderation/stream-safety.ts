import { safetyTopic } from '@hashchat/api/topics';
import type { Context } from '../../context';
import { excludedAccountIds } from '../../store/blocks';
import type { Reader } from '../../stream/reader';

/**
 * Loads a signed-in viewer's exclusions (blocked either way, muted) once, at connect, and
 * returns what gives them to the stream's reader together with the viewer's safety topic, whose
 * `hashchat.exclude` events keep them current: never a query per event. Apply it before
 * `hub.attach`; anonymous readers get nothing.
 */
export async function loadSafety(ctx: Context, viewerId: number | null): Promise<(reader: Reader) => void> {
  if (viewerId === null) return () => {};
  const excluded = await excludedAccountIds(ctx.store.db, viewerId, ctx.now());
  const topic = safetyTopic(viewerId);
  return (reader) => {
    for (const id of excluded) reader.excludedAccounts.add(id);
    if (!reader.topics.has(topic)) reader.topics.set(topic, ['safety']);
  };
}
