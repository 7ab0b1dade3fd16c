import { z } from 'zod';
import * as account from './entities/account';
import * as application from './entities/application';
import * as chat from './entities/chat';
import { errorSchema } from './entities/error';
import * as instance from './entities/instance';
import * as live from './entities/live';
import * as moderation from './entities/moderation';
import * as notification from './entities/notification';
import * as recap from './entities/recap';
import * as search from './entities/search';
import * as status from './entities/status';
import * as tag from './entities/tag';
import { type Operation, operations, TAGS } from './operations';

// The OpenAPI 3.1 document, generated from the contract: the entity schemas become
// components, the operation table becomes paths. Nothing here is written by hand twice.

type JsonSchema = Record<string, unknown>;

export interface OpenApiInfo {
  version: string;
  serverUrl?: string;
}

/** Every entity module: their schemas that carry an id become named components. */
const entityModules: Record<string, unknown>[] = [
  account,
  application,
  chat,
  { errorSchema },
  instance,
  live,
  moderation,
  notification,
  recap,
  search,
  status,
  tag,
];

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Drops what zod adds for validation but a reader does not need: date regexes, safe-integer bounds. */
function tidy(schema: JsonSchema): void {
  if (schema.format === 'date-time' || schema.format === 'date') delete schema.pattern;
  if (schema.minimum === -MAX_SAFE) delete schema.minimum;
  if (schema.maximum === MAX_SAFE) delete schema.maximum;
}

/** Turns `/api/v1/chats/{id}` into its parameter names: `['id']`. */
export const pathParams = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);

/** The operation's id: method and path in camel case, e.g. `getApiV1ChatsById`. */
export function operationId(o: Operation): string {
  const words = o.path
    .replace(/\.(\w+)/g, ' $1')
    .split(/[/_\s.-]+/)
    .filter(Boolean)
    .map((w) => (w.startsWith('{') ? `by ${w.slice(1, -1)}` : w))
    .join(' ')
    .split(' ');
  return [o.method.toLowerCase(), ...words.map((w) => w[0].toUpperCase() + w.slice(1))].join('');
}

/** Builds the whole document. */
export function openApiDocument(info: OpenApiInfo): JsonSchema {
  // One registry holds the entities and, under temporary ids, every operation's response, so a
  // single conversion gives them all with `$ref`s into components.
  const registry = z.registry<{ id: string }>();
  for (const mod of entityModules) {
    for (const value of Object.values(mod)) {
      if (!(value instanceof z.ZodType)) continue;
      const id = z.globalRegistry.get(value)?.id;
      if (id && !registry.has(value)) registry.add(value, { id });
    }
  }
  // Responses are what the server sends (zod's output); requests what a client may send (its
  // input: `limit` is a number or a string of digits before it is clamped), so two conversions.
  const requests = z.registry<{ id: string }>();
  type Ids = { response?: string; params?: string; query?: string; body?: string };
  const local = new Map<Operation, Ids>();
  operations.forEach((o, i) => {
    const ids: Ids = {};
    for (const part of ['response', 'params', 'query', 'body'] as const) {
      const s = o[part];
      if (!(s instanceof z.ZodType)) continue;
      const into = part === 'response' ? registry : requests;
      if (!into.has(s))
        into.add(s, {
          id: part === 'response' ? (z.globalRegistry.get(s)?.id ?? `op${i}_${part}`) : `op${i}_${part}`,
        });
      ids[part] = into.get(s)!.id;
    }
    local.set(o, ids);
  });
  const convert = (r: typeof registry, io: 'input' | 'output') =>
    z.toJSONSchema(r, {
      target: 'draft-2020-12',
      io,
      unrepresentable: 'any',
      cycles: 'ref',
      reused: 'inline',
      uri: (id) => `#/components/schemas/${id}`,
      override: (ctx) => tidy(ctx.jsonSchema as JsonSchema),
    }).schemas as Record<string, JsonSchema>;
  const components: Record<string, JsonSchema> = {};
  const inline: Record<string, JsonSchema> = {};
  for (const converted of [convert(requests, 'input'), convert(registry, 'output')]) {
    // zod puts schemas it cannot inline in a cycle (Status.reblog: a nullable Status) under
    // `__shared`; they are small, so put them back where they are used.
    const shared = (converted.__shared?.$defs ?? {}) as Record<string, JsonSchema>;
    delete converted.__shared;
    const SHARED = '#/components/schemas/__shared#/$defs/';
    const unshare = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(unshare);
      if (!v || typeof v !== 'object') return v;
      const ref = (v as JsonSchema).$ref;
      if (typeof ref === 'string' && ref.startsWith(SHARED)) return unshare(shared[ref.slice(SHARED.length)]);
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unshare(x)]));
    };
    for (const [id, raw] of Object.entries(converted)) {
      const schema = unshare(raw) as JsonSchema;
      const { $schema: _s, $id: _i, ...rest } = schema;
      if (id.startsWith('op')) inline[id] = rest;
      else components[id] = rest;
    }
  }
  const named = (id: string) => (id.startsWith('op') ? inline[id] : { $ref: `#/components/schemas/${id}` });

  const paths: Record<string, Record<string, unknown>> = {};
  for (const o of operations) {
    const ids = local.get(o)!;
    const pathSchema = (inline[ids.params!] ?? components[ids.params!]).properties as Record<
      string,
      JsonSchema
    >;
    const parameters: unknown[] = pathParams(o.path).map((name) => {
      const { description, ...schema } = pathSchema[name];
      return { name, in: 'path', required: true, schema, ...(description ? { description } : {}) };
    });
    if (ids.query) {
      const q = inline[ids.query] ?? components[ids.query];
      const props = (q.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set((q.required as string[] | undefined) ?? []);
      for (const [name, schema] of Object.entries(props)) {
        const { description, ...rest } = schema;
        parameters.push({ name, in: 'query', required: required.has(name), schema: rest, description });
      }
    }
    const media =
      typeof o.response === 'string'
        ? { [o.response]: { schema: o.response === 'application/json' ? {} : { type: 'string' } } }
        : { 'application/json': { schema: named(ids.response!) } };
    const operation: Record<string, unknown> = {
      operationId: operationId(o),
      summary: o.summary,
      tags: [o.tag],
      'x-origin': TAGS[o.tag].origin,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(ids.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': { schema: named(ids.body) },
                'application/x-www-form-urlencoded': { schema: named(ids.body) },
              },
            },
          }
        : {}),
      responses: {
        '200': { description: 'OK', content: media },
        default: {
          description: 'An error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    };
    paths[o.path] ??= {};
    paths[o.path][o.method.toLowerCase()] = operation;
  }

  return {
    openapi: '3.1.1',
    info: {
      title: 'Hashchat API',
      version: info.version,
      description:
        'A subset of the Mastodon client API (tags marked "Mastodon") and Hashchat\'s extensions for chats, ' +
        'sessions, live rooms, moderation and transcripts. Generated from packages/api.',
    },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    tags: Object.entries(TAGS).map(([name, t]) => ({
      name,
      description: `${t.origin === 'mastodon' ? 'Mastodon API' : 'Hashchat extension'}: ${t.description}`,
    })),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An OAuth access token.' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'hc_session', description: "The web app's session." },
      },
    },
  };
}
