import type { Context } from '../context';
import type { StoredEvent } from '../store/events';

/** Publishes committed events to their topics. Called only after the transaction commits. */
export async function publishEvents(
  ctx: Context,
  events: (StoredEvent & { topics: string[]; prev?: Record<string, number> })[],
): Promise<void> {
  // Committed here, so delivered from here: once, by the instance that committed it.
  if (events.length > 0) ctx.federation?.deliver(events.map((e) => ({ ...e, prev: e.prev ?? {} })));
  for (const e of events) {
    const { topics, prev, ...event } = e;
    // This instance's hot pages change before its writer hears back; others' when the event reaches them.
    for (const topic of topics) ctx.hotPages.invalidate(topic);
    for (const topic of topics) {
      await ctx.bus
        .publish(topic, event, prev?.[topic] ?? null)
        .catch((err) => ctx.log.warn({ err, topic }, 'publish failed; readers will catch up from the store'));
    }
  }
}
