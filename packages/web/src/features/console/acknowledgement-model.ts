import type { Acknowledgement } from '@hashchat/api/entities/live';

/**
 * The list after a fresh read from the server, leaving out the people the host acknowledged a
 * moment ago (the server may not have seen that reply or like when it answered).
 */
export function mergeAcknowledgements(
  fresh: readonly Acknowledgement[],
  acknowledged: ReadonlyMap<string, string>,
): Acknowledgement[] {
  return fresh.filter((entry) => {
    const lastAcknowledged = acknowledged.get(entry.account.id);
    // Someone who posted again after the host's reply is waiting again.
    return lastAcknowledged === undefined || BigInt(entry.last_status.id) > BigInt(lastAcknowledged);
  });
}
