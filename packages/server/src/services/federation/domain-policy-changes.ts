import type { Bus } from '../../bus/bus';
import type { StoredEvent } from '../../store/events';

/** The bus topic on which a change to domain blocks or allows reaches every instance's policy cache. */
export const DOMAIN_POLICY_TOPIC = 'hashchat:domain-policy';

/** Tells every instance (this one too) that blocks or allows changed. */
export async function announceDomainPolicyChange(
  bus: Bus,
  log: { warn(obj: unknown, msg: string): void },
): Promise<void> {
  const event: StoredEvent = { id: 0, event: 'federation.domain_policy', accountId: null, payload: '{}' };
  try {
    await bus.publish(DOMAIN_POLICY_TOPIC, event, null);
  } catch (err) {
    // Redis away: other instances' caches expire within their refresh interval.
    log.warn({ err }, 'could not tell other instances of a domain policy change');
  }
}
