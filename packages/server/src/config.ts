import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import type { S3Settings } from './media/s3-storage';

/** Everything the process reads from its environment, parsed in one place. */
export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; poolSize: number };
  redisUrl: string | null;
  /** Prefix of every Redis key and channel, so several sites (or test databases) can share one Redis. */
  redisPrefix: string;
  logLevel: string;
  /**
   * Proxies whose `X-Forwarded-For` is believed (addresses or CIDRs); empty: none, the client
   * address is the connection's own. Per-address limits depend on it.
   */
  trustedProxies: string[];
  maxStatusChars: number;
  registrationsOpen: boolean;
  publicStreams: boolean;
  rateLimit: { enabled: boolean; max: number; windowSeconds: number; registrationsPerHour: number };
  stream: {
    heartbeatSeconds: number;
    maxBufferedBytes: number;
    /** Open streams (SSE and WebSocket together) one client address may hold. */
    perAddress: number;
    /** Open streams one account may hold, from any address. */
    perAccount: number;
  };
  webDist: string | null;
  jobsPollMs: number;
  /** Whether this instance runs the job scheduler (every instance may; claims are safe). */
  jobsEnabled: boolean;
  /** Default minutes before a session's start that its chat's followers are reminded. */
  reminderLeadMinutes: number;
  /** The server's rules, shown at sign-up and by `/api/v1/instance/rules`, in order. */
  instanceRules: string[];
  /** How long a client may take to send a whole request, headers and body (not a stream's response). */
  requestTimeoutMs: number;
  /** Whether text answers of a kilobyte or more are compressed for clients that accept br or gzip. */
  httpCompression: boolean;
  media: MediaConfig;
  /**
   * `open`: federate with every server not blocked; `allowlist`: only with the servers admins
   * allowed (and not blocked), as Mastodon's limited federation mode.
   */
  federationMode: 'open' | 'allowlist';
  federation: FederationConfig;
}

/** ActivityPub: whether this server is on the fediverse, and (for tests and development) over what. */
export interface FederationConfig {
  /** Off: no actor, WebFinger or inbox routes, and nothing is delivered. */
  enabled: boolean;
  /**
   * Peers on loopback and private addresses, over plain HTTP (tests, development). Off in
   * production: only HTTPS to public addresses, which also keeps remote lookups from reaching
   * the server's own network (SSRF).
   */
  allowPrivateAddresses: boolean;
  /** The first retry of a failed delivery, in ms (later ones double); a minute, shorter only in tests. */
  retryInitialMs: number;
}

/** Uploaded images: where they are kept and what is accepted. */
export interface MediaConfig {
  /** The folder the disk storage keeps files in. */
  dir: string;
  /** The most bytes one uploaded file may have. */
  maxBytes: number;
  /** The most pixels (width × height) an image may declare; larger ones are refused undecoded. */
  maxPixels: number;
  /** Uploads one account may make per hour. */
  uploadsPerHour: number;
  /** An S3-compatible bucket instead of the folder (MEDIA_S3_BUCKET set), else null. */
  s3: S3Settings | null;
}

const bool = (v: string | undefined, dflt: boolean) =>
  v === undefined || v === '' ? dflt : /^(1|true|yes|on)$/i.test(v);

const env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  REDIS_URL: z.string().optional(),
  REDIS_PREFIX: z.string().max(100).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_STATUS_CHARS: z.coerce.number().int().min(50).max(100_000).default(500),
  RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(300),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(300),
  REGISTRATIONS_PER_HOUR: z.coerce.number().int().min(1).default(50),
  STREAM_HEARTBEAT_SECONDS: z.coerce.number().min(1).default(15),
  STREAM_MAX_BUFFERED_KB: z.coerce.number().int().min(16).default(1024),
  STREAMS_PER_ADDRESS: z.coerce.number().int().min(1).default(64),
  STREAMS_PER_ACCOUNT: z.coerce.number().int().min(1).default(32),
  JOBS_POLL_MS: z.coerce.number().int().min(50).default(1000),
  REMINDER_LEAD_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
  WEB_DIST: z.string().optional(),
  INSTANCE_RULES: z.string().max(20_000).optional(),
  REQUEST_TIMEOUT_SECONDS: z.coerce.number().min(1).max(3600).default(30),
  MEDIA_DIR: z.string().optional(),
  MEDIA_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(512 * 1024 * 1024)
    .default(16 * 1024 * 1024),
  MEDIA_MAX_PIXELS: z.coerce.number().int().min(1).default(40_000_000),
  MEDIA_UPLOADS_PER_HOUR: z.coerce.number().int().min(1).default(60),
  FEDERATION_MODE: z.enum(['open', 'allowlist']).default('open'),
  FEDERATION_RETRY_INITIAL_MS: z.coerce.number().int().min(100).max(86_400_000).default(60_000),
  MEDIA_S3_BUCKET: z.string().optional(),
  MEDIA_S3_ENDPOINT: z.string().url().optional(),
  MEDIA_S3_REGION: z.string().default('us-east-1'),
  MEDIA_S3_ACCESS_KEY_ID: z.string().optional(),
  MEDIA_S3_SECRET_ACCESS_KEY: z.string().optional(),
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every(isAddressOrCidr), {
      message: 'must be comma-separated IP addresses or CIDR ranges (e.g. 127.0.0.1,10.0.0.0/8)',
    }),
});

/** `10.0.0.1`, `::1`, `10.0.0.0/8` or `fd00::/8`. */
function isAddressOrCidr(value: string): boolean {
  const [address, bits, extra] = value.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/** Parses `source` (normally process.env); throws with every problem listed. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = env.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`).replace(
      /\/$/,
      '',
    ),
    database: parseDatabaseUrl(e.DATABASE_URL, e.DATABASE_POOL_SIZE),
    redisUrl: e.REDIS_URL || null,
    redisPrefix: e.REDIS_PREFIX ?? defaultRedisPrefix(e.DATABASE_URL),
    logLevel: e.LOG_LEVEL,
    trustedProxies: e.TRUSTED_PROXIES,
    maxStatusChars: e.MAX_STATUS_CHARS,
    registrationsOpen: bool(source.REGISTRATIONS_OPEN, true),
    publicStreams: bool(source.PUBLIC_STREAMS, true),
    rateLimit: {
      enabled: bool(source.RATE_LIMIT_ENABLED, true),
      max: e.RATE_LIMIT_MAX,
      windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS,
      registrationsPerHour: e.REGISTRATIONS_PER_HOUR,
    },
    stream: {
      heartbeatSeconds: e.STREAM_HEARTBEAT_SECONDS,
      maxBufferedBytes: e.STREAM_MAX_BUFFERED_KB * 1024,
      perAddress: e.STREAMS_PER_ADDRESS,
      perAccount: e.STREAMS_PER_ACCOUNT,
    },
    webDist: e.WEB_DIST ?? path.resolve(import.meta.dirname, '../../web/dist'),
    jobsPollMs: e.JOBS_POLL_MS,
    jobsEnabled: bool(source.JOBS_ENABLED, true),
    reminderLeadMinutes: e.REMINDER_LEAD_MINUTES,
    instanceRules: (e.INSTANCE_RULES ?? '')
      .split('\n')
      .map((r) => r.trim())
      .filter((r) => r !== ''),
    requestTimeoutMs: Math.round(e.REQUEST_TIMEOUT_SECONDS * 1000),
    httpCompression: bool(source.HTTP_COMPRESSION, true),
    federationMode: e.FEDERATION_MODE,
    media: {
      dir: path.resolve(e.MEDIA_DIR ?? 'data/media'),
      maxBytes: e.MEDIA_MAX_BYTES,
      maxPixels: e.MEDIA_MAX_PIXELS,
      uploadsPerHour: e.MEDIA_UPLOADS_PER_HOUR,
      s3: e.MEDIA_S3_BUCKET
        ? {
            bucket: e.MEDIA_S3_BUCKET,
            endpoint: e.MEDIA_S3_ENDPOINT ?? null,
            region: e.MEDIA_S3_REGION,
            accessKeyId: e.MEDIA_S3_ACCESS_KEY_ID ?? '',
            secretAccessKey: e.MEDIA_S3_SECRET_ACCESS_KEY ?? '',
            // Self-hosted stores (MinIO, Garage…) answer on one host with the bucket in the path.
            forcePathStyle: bool(source.MEDIA_S3_FORCE_PATH_STYLE, e.MEDIA_S3_ENDPOINT !== undefined),
          }
        : null,
    },
    federation: {
      enabled: bool(source.FEDERATION_ENABLED, true),
      allowPrivateAddresses: bool(source.FEDERATION_ALLOW_PRIVATE_ADDRESSES, false),
      retryInitialMs: e.FEDERATION_RETRY_INITIAL_MS,
    },
  };
}

function parseDatabaseUrl(url: string | undefined, poolSize: number): Config['database'] {
  if (!url) return { kind: 'sqlite', file: path.resolve('data/hashchat.db') };
  if (url.startsWith('sqlite:'))
    return { kind: 'sqlite', file: path.resolve(url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '')) };
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url, poolSize };
  throw new Error('Invalid configuration: DATABASE_URL must start with sqlite: or postgres://');
}

/** `hashchat:<database name>:`: instances of one site share their database, so they agree on it. */
function defaultRedisPrefix(url: string | undefined): string {
  const name =
    url && /^postgres(ql)?:\/\//.test(url) ? decodeURIComponent(new URL(url).pathname.slice(1)) : '';
  return `hashchat:${name ? `${name}:` : ''}`;
}
