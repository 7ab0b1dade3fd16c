import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Where gauges read at scrape time get their figures; set once the store is open. */
export interface MetricSources {
  /** Federation messages waiting: due now, and due later. */
  federationQueue: (() => Promise<{ ready: number; delayed: number }>) | null;
}

/** Prometheus metrics of one server instance (its own registry, so several can live in one process). */
export function createMetrics() {
  const registry = new Registry();
  const sources: MetricSources = { federationQueue: null };
  collectDefaultMetrics({ register: registry, prefix: 'hashchat_process_' });
  return {
    registry,
    sources,
    requests: new Counter({
      name: 'hashchat_http_requests_total',
      help: 'HTTP requests by method, route and status code',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    requestDuration: new Histogram({
      name: 'hashchat_http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['method', 'route'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    statusesCreated: new Counter({
      name: 'hashchat_statuses_created_total',
      help: 'Statuses created',
      registers: [registry],
    }),
    activitiesQueued: new Counter({
      name: 'hashchat_federation_activities_queued_total',
      help: 'Activities handed to the delivery queue, by type (each goes to one or more servers)',
      labelNames: ['type'],
      registers: [registry],
    }),
    inboxFastPath: new Counter({
      name: 'hashchat_federation_inbox_fast_path_total',
      help: "Shared-inbox POSTs by the fast path's outcome: taken, or left to Fedify and why (shape, signature, key, date, digest, actor)",
      labelNames: ['outcome'],
      registers: [registry],
    }),
    remoteStatuses: new Counter({
      name: 'hashchat_federation_remote_statuses_total',
      help: 'Statuses received from other servers: stored, or refused by a room (ban, slow mode)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    openStreams: new Gauge({
      name: 'hashchat_streams_open',
      help: 'Open SSE and WebSocket streams',
      registers: [registry],
    }),
    streamsMax: new Gauge({
      name: 'hashchat_streams_max',
      help: 'Open streams this process accepts in all: its open-file limit less the descriptors kept for requests, database and Redis',
      registers: [registry],
    }),
    streamsRefused: new Counter({
      name: 'hashchat_streams_refused_total',
      help: 'Streams refused with 429, by the cap they met (address, account, total)',
      labelNames: ['cap'],
      registers: [registry],
    }),
    eventsDelivered: new Counter({
      name: 'hashchat_stream_events_delivered_total',
      help: 'Events written to stream connections',
      registers: [registry],
    }),
    droppedSlow: new Counter({
      name: 'hashchat_stream_dropped_slow_total',
      help: 'Stream connections closed because they fell too far behind',
      registers: [registry],
    }),
    jobsRun: new Counter({
      name: 'hashchat_jobs_run_total',
      help: 'Scheduled jobs run',
      labelNames: ['kind', 'outcome'],
      registers: [registry],
    }),
    federationQueueDepth: new Gauge({
      name: 'hashchat_federation_queue_depth',
      help: 'Federation messages (deliveries, fan-outs, inbox work) waiting, by state: ready (due now) or delayed (a retry or a scheduled send)',
      labelNames: ['state'],
      registers: [registry],
      async collect() {
        const depth = await sources.federationQueue?.();
        if (!depth) return;
        this.set({ state: 'ready' }, depth.ready);
        this.set({ state: 'delayed' }, depth.delayed);
      },
    }),
    // Not labelled by host: one series per remote server would grow without bound.
    federationDeliveries: new Counter({
      name: 'hashchat_federation_deliveries_total',
      help: 'Delivery attempts to remote inboxes, by outcome (delivered, failed); per-server figures are in the admin API',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    federationGivenUp: new Counter({
      name: 'hashchat_federation_deliveries_given_up_total',
      help: 'Deliveries given up: retried for days without success, or refused for good (410, 404…)',
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
