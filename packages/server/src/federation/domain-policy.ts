/**
 * What this server does with a remote host: `allow` (federate), `silence` (take what it sends,
 * keep it out of public timelines) or `suspend` (refuse what it sends, deliver nothing to it).
 * Asked before applying any inbound activity and before delivering to a host.
 */
export interface DomainPolicy {
  verdict(host: string): Promise<'allow' | 'silence' | 'suspend'>;
}

/** Every host allowed: the policy until domain blocks exist. */
export const allowAll: DomainPolicy = {
  verdict: async () => 'allow',
};
