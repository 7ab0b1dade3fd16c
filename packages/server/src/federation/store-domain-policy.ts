import { domainCandidates, normalizeHost } from '@hashchat/core/federation/domains';
import type { Bus } from '../bus/bus';
import { DOMAIN_POLICY_TOPIC } from '../services/federation/domain-policy-changes';
import { allDomainAllows, allDomainBlocks } from '../store/domain-policy';
import type { Store } from '../store/open-store';
import type { DomainBlockSeverity } from '../store/schema';
import type { DomainPolicy } from './domain-policy';

export type FederationMode = 'open' | 'allowlist';

export interface StoreDomainPolicyOptions {
  mode: FederationMode;
  /** Changes announced here (domain-policy-changes.ts) empty the cache at once. */
  bus?: Bus;
  now?: () => number;
  /** How long the cache is trusted without a change announced (a lost bus message). */
  refreshMs?: number;
  log?: { warn(obj: unknown, msg: string): void };
}

interface Snapshot {
  blocks: Map<string, DomainBlockSeverity>;
  allows: Set<string>;
  loadedAt: number;
}

/**
 * The admin's domain blocks and allow-list as fed-core's DomainPolicy. A block covers the domain
 * and every subdomain (and, without a port, every port); with FEDERATION_MODE=allowlist a server
 * must also be allowed (itself or a parent domain), else it is suspended. The lists are cached in
 * memory and reloaded when any instance announces a change over the bus, or after `refreshMs`.
 */
export class StoreDomainPolicy implements DomainPolicy {
  private snapshot: Snapshot | null = null;
  private loading: Promise<Snapshot> | null = null;
  private generation = 0;
  private readonly now: () => number;
  private detach: (() => void) | null = null;

  constructor(
    private readonly store: Pick<Store, 'db'>,
    private readonly opts: StoreDomainPolicyOptions,
  ) {
    this.now = opts.now ?? Date.now;
    if (opts.bus) {
      this.detach = opts.bus.onMessage((topic) => {
        if (topic === DOMAIN_POLICY_TOPIC) this.invalidate();
      });
      opts.bus.onReconnect(() => this.invalidate());
      opts.bus.subscribe(DOMAIN_POLICY_TOPIC).catch((err) => {
        opts.log?.warn({ err }, 'could not listen for domain policy changes; refreshing on a timer only');
      });
    }
  }

  async verdict(host: string): Promise<'allow' | 'silence' | 'suspend'> {
    const normal = normalizeHost(host);
    // A host we cannot even read is not one to federate with.
    if (!normal) return 'suspend';
    const { blocks, allows } = await this.current();
    const candidates = domainCandidates(normal);
    if (this.opts.mode === 'allowlist' && !candidates.some((d) => allows.has(d))) return 'suspend';
    let verdict: 'allow' | 'silence' | 'suspend' = 'allow';
    for (const d of candidates) {
      const severity = blocks.get(d);
      if (severity === 'suspend') return 'suspend';
      if (severity === 'silence') verdict = 'silence';
    }
    return verdict;
  }

  /** Forgets the cached lists: the next verdict reads them again. */
  invalidate(): void {
    this.generation++;
    this.snapshot = null;
    this.loading = null;
  }

  close(): void {
    this.detach?.();
    this.detach = null;
  }

  private async current(): Promise<Snapshot> {
    const refreshMs = this.opts.refreshMs ?? 60_000;
    if (this.snapshot && this.now() - this.snapshot.loadedAt < refreshMs) return this.snapshot;
    if (!this.loading) {
      const loading = this.load().finally(() => {
        if (this.loading === loading) this.loading = null;
      });
      this.loading = loading;
    }
    return this.loading;
  }

  private async load(): Promise<Snapshot> {
    const generation = this.generation;
    const [blocks, allows] = await Promise.all([
      allDomainBlocks(this.store.db),
      allDomainAllows(this.store.db),
    ]);
    const snapshot: Snapshot = {
      blocks: new Map(blocks.map((b) => [b.domain, b.severity])),
      allows: new Set(allows.map((a) => a.domain)),
      loadedAt: this.now(),
    };
    // A change announced while loading may not be in what was read: use it once, keep none.
    if (generation === this.generation) this.snapshot = snapshot;
    return snapshot;
  }
}
