type JsonSchema = Record<string, unknown>;

/** `/api/v1/lists/{id}` as the docs write it: `/api/v1/lists/:id`. */
export const docPath = (openApiPath: string) => openApiPath.replace(/\{(\w+)\}/g, ':$1');

const takesArray = (s: JsonSchema): boolean =>
  s.type === 'array' ||
  (Array.isArray(s.type) && s.type.includes('array')) ||
  ['anyOf', 'oneOf'].some((k) => Array.isArray(s[k]) && (s[k] as JsonSchema[]).some(takesArray));

/** Items of a list, or the one object among a union's members (`poll`: an object, or absent). */
function members(s: JsonSchema): JsonSchema[] {
  return ['anyOf', 'oneOf'].flatMap((k) => (Array.isArray(s[k]) ? (s[k] as JsonSchema[]) : []));
}

/**
 * A body field's names as a form sends them: `status`, `media_ids[]`, an object's fields one
 * level down (`poll[options][]`), a list of objects' fields (`keywords_attributes[][keyword]`).
 */
function fieldNames(name: string, schema: JsonSchema, resolve: (s: JsonSchema) => JsonSchema): string[] {
  const variants = [schema, ...members(schema).map(resolve)];
  const object = variants.find((v) => v.type === 'object' && v.properties);
  if (object)
    return Object.entries(object.properties as Record<string, JsonSchema>).map(([k, v]) =>
      takesArray(resolve(v)) ? `${name}[${k}][]` : `${name}[${k}]`,
    );
  const list = variants.find((v) => v.type === 'array');
  const items = list?.items ? resolve(list.items as JsonSchema) : null;
  if (items?.type === 'object' && items.properties)
    return Object.keys(items.properties as Record<string, JsonSchema>).map((k) => `${name}[][${k}]`);
  return [takesArray(schema) ? `${name}[]` : name];
}

/**
 * The parameters each operation of an OpenAPI document takes besides its path ones, by
 * `METHOD /path` (docs form): query parameters, then body fields, in schema order; a field that
 * takes a list is written `name[]`, as form-encoded clients send it.
 */
export function operationParameters(doc: JsonSchema): Map<string, string[]> {
  const components = ((doc.components as JsonSchema | undefined)?.schemas ?? {}) as Record<
    string,
    JsonSchema
  >;
  const resolve = (s: JsonSchema): JsonSchema => {
    const ref = s.$ref;
    return typeof ref === 'string' ? resolve(components[ref.split('/').pop()!] ?? {}) : s;
  };
  const out = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, JsonSchema>>)) {
    for (const [method, operation] of Object.entries(methods)) {
      const names: string[] = [];
      for (const p of (operation.parameters ?? []) as JsonSchema[]) {
        if (p.in === 'query') names.push(takesArray(p.schema as JsonSchema) ? `${p.name}[]` : String(p.name));
      }
      const content = (operation.requestBody as JsonSchema | undefined)?.content as
        | Record<string, { schema: JsonSchema }>
        | undefined;
      const body = content ? resolve(Object.values(content)[0].schema) : null;
      // A body of several shapes (`/oauth/token` by `grant_type`) takes the fields of each, once.
      const shapes = body ? [body, ...members(body).map(resolve)] : [];
      const fields = new Map<string, JsonSchema>();
      for (const shape of shapes)
        for (const [name, s] of Object.entries((shape.properties ?? {}) as Record<string, JsonSchema>))
          if (!fields.has(name)) fields.set(name, s);
      for (const [name, s] of fields) names.push(...fieldNames(name, resolve(s), resolve));
      out.set(`${method.toUpperCase()} ${docPath(path)}`, names);
    }
  }
  return out;
}
