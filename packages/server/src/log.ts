import pino, { type DestinationStream, type Logger } from 'pino';

const CENSOR = '[REDACTED]';

/** Query parameters that carry a credential (Mastodon clients put tokens in stream URLs). */
const SECRET_PARAMS = new Set([
  'access_token',
  'code',
  'client_secret',
  'refresh_token',
  'token',
  'password',
  'code_verifier',
]);

/** Log fields that may hold a credential, wherever a request, a reply or a body is logged. */
const REDACT_PATHS = [
  'password',
  '*.password',
  '*.*.password',
  'client_secret',
  '*.client_secret',
  'access_token',
  '*.access_token',
  'refresh_token',
  '*.refresh_token',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["set-cookie"]',
  '*.headers["x-csrf-token"]',
];

/** A URL with the values of credential-bearing query parameters replaced, for logging. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawName = eq < 0 ? pair : pair.slice(0, eq);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        // A name that does not decode is compared as sent.
      }
      return SECRET_PARAMS.has(name.replace(/\[\]$/, '').toLowerCase()) ? `${rawName}=${CENSOR}` : pair;
    })
    .join('&');
  return `${url.slice(0, q)}?${query}`;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Fastify's request line, with the query's credentials censored. */
function requestSerializer(req: LoggedRequest) {
  return {
    method: req.method,
    url: typeof req.url === 'string' ? redactUrl(req.url) : req.url,
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

/**
 * `base` with credentials kept out of every line at every level: tokens in request URLs,
 * Authorization and cookie headers, passwords and secrets in logged objects. Whatever logger
 * the process is given goes through this, so no caller can forget it.
 */
export function withRedaction(base: Logger): Logger {
  return base.child(
    {},
    {
      redact: { paths: REDACT_PATHS, censor: CENSOR },
      serializers: { req: requestSerializer },
    },
  );
}

/** The process logger: pino at `level`, to stdout unless a destination is given, redacted. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return withRedaction(destination ? pino({ level }, destination) : pino({ level }));
}
