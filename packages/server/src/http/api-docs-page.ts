import { escapeHtml } from '@hashchat/core/text/render';

// The API reference as one server-rendered page, read from the OpenAPI document: operations
// grouped by tag, their parameters and answers, then every entity with its fields. No script.

// biome-ignore lint/suspicious/noExplicitAny: it reads a JSON document whose shape the generator, not a type, guarantees
type Json = Record<string, any>;

const refName = (ref: string) => ref.replace('#/components/schemas/', '');

/** A schema in a few words: `Status`, `array of Account`, `string | null`, `object`. */
export function schemaLabel(s: Json | undefined): string {
  if (!s) return 'any';
  if (s.$ref) return refName(s.$ref);
  if (s.anyOf) return (s.anyOf as Json[]).map(schemaLabel).join(' | ');
  if (s.oneOf) return (s.oneOf as Json[]).map(schemaLabel).join(' | ');
  if (s.enum) return (s.enum as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.type === 'array') return `array of ${schemaLabel(s.items)}`;
  if (Array.isArray(s.type)) return s.type.join(' | ');
  if (s.type === 'object' && s.properties) {
    const keys = Object.keys(s.properties);
    return `{ ${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', …' : ''} }`;
  }
  return s.format ? `${s.type} (${s.format})` : (s.type ?? 'any');
}

const link = (label: string) =>
  escapeHtml(label).replace(/\b([A-Z][A-Za-z0-9]+)\b/g, (name) => `<a href="#schema-${name}">${name}</a>`);

function fieldRows(schema: Json): string {
  const props = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set<string>(schema.required ?? []);
  return Object.entries(props)
    .map(
      ([name, s]) =>
        `<tr><td><code>${escapeHtml(name)}</code>${required.has(name) ? '' : ' <small>optional</small>'}</td><td>${link(schemaLabel(s))}</td><td>${escapeHtml(s.description ?? '')}</td></tr>`,
    )
    .join('');
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:0 auto;padding:1rem 1.5rem;color:#1d1d1f}
h2{margin-top:2.5rem;border-bottom:1px solid #ddd}code{font-size:.92em}table{border-collapse:collapse;width:100%;margin:.3rem 0 1rem}
td,th{text-align:left;padding:.2rem .6rem .2rem 0;vertical-align:top;border-bottom:1px solid #f0f0f0}
.op{margin:1rem 0}.method{display:inline-block;min-width:4.5rem;font-weight:700}.origin{color:#666;font-size:.85em}
small{color:#777}nav a{margin-right:.8rem}`;

/** The reference page of an OpenAPI document. */
export function renderApiDocs(doc: Json): string {
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = ((op.parameters ?? []) as Json[])
        .map(
          (p) =>
            `<tr><td><code>${escapeHtml(p.name)}</code> <small>${escapeHtml(p.in)}${p.required ? '' : ', optional'}</small></td><td>${link(schemaLabel(p.schema))}</td></tr>`,
        )
        .join('');
      const body = op.requestBody?.content?.['application/json']?.schema;
      const ok = Object.entries((op.responses['200']?.content ?? {}) as Record<string, Json>)
        .map(([type, c]) => (type === 'application/json' ? link(schemaLabel(c.schema)) : escapeHtml(type)))
        .join(', ');
      const html = `<div class="op" id="${escapeHtml(op.operationId)}"><div><span class="method">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code> — ${escapeHtml(op.summary)}</div>
${params ? `<table><tr><th>Parameter</th><th>Type</th></tr>${params}</table>` : ''}${body ? `<div>Body: ${link(schemaLabel(body))}${body.properties ? `<table>${fieldRows(body)}</table>` : ''}</div>` : ''}<div>Answer: ${ok}</div></div>`;
      const tag = (op.tags as string[])[0];
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const tags = doc.tags as Json[];
  const sections = tags
    .filter((t) => byTag.has(t.name))
    .map(
      (t) =>
        `<h2 id="tag-${escapeHtml(t.name.replace(/\s/g, '-'))}">${escapeHtml(t.name)}</h2><p class="origin">${escapeHtml(t.description)}</p>${byTag.get(t.name)!.join('\n')}`,
    )
    .join('\n');
  const schemas = Object.entries(doc.components.schemas as Record<string, Json>)
    .map(
      ([name, s]) =>
        `<h3 id="schema-${escapeHtml(name)}">${escapeHtml(name)}</h3>${s.properties ? `<table><tr><th>Field</th><th>Type</th><th></th></tr>${fieldRows(s)}</table>` : `<p>${link(schemaLabel(s))}</p>`}`,
    )
    .join('\n');
  const nav = tags
    .map((t) => `<a href="#tag-${escapeHtml(t.name.replace(/\s/g, '-'))}">${escapeHtml(t.name)}</a>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(doc.info.title)} reference</title><style>${STYLE}</style></head><body>
<h1>${escapeHtml(doc.info.title)} <small>${escapeHtml(doc.info.version)}</small></h1><p>${escapeHtml(doc.info.description)} The same as JSON: <a href="/api/openapi.json">/api/openapi.json</a>.</p>
<nav>${nav}<a href="#schemas">entities</a></nav>${sections}<h2 id="schemas">Entities</h2>${schemas}</body></html>`;
}
