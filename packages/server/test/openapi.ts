import type { Json, TestClient } from './harness.ts';

// Reads the server's own OpenAPI document, so route-wide tests cover every route, including ones added
// after the test was written.

export interface Operation {
  method: string;
  /** OpenAPI path, with `{param}` placeholders. */
  path: string;
  tags: string[];
  parameters: { name: string; in: string; required?: boolean; schema?: Schema }[];
  bodySchema: Schema | null;
  bodyType: string | null;
}

export type Schema = Record<string, Json>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

export async function listOperations(client: TestClient): Promise<Operation[]> {
  const doc = (await client.get('/api/openapi.json')).body;
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries<Record<string, Json>>(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const content = op.requestBody?.content ?? {};
      const bodyType = Object.keys(content)[0] ?? null;
      operations.push({
        method: method.toUpperCase(),
        path,
        tags: op.tags ?? [],
        parameters: [...(item.parameters ?? []), ...(op.parameters ?? [])],
        bodySchema: bodyType ? (content[bodyType].schema ?? null) : null,
        bodyType,
      });
    }
  }
  return operations;
}

/** The concrete URL of an operation, with every path parameter set to `value`. */
export function fillPath(path: string, value: string | number): string {
  return path.replace(/\{[^}]+\}/g, encodeURIComponent(String(value)));
}

/** A small value the schema accepts (required properties only), to send where the shape must pass. */
export function sample(schema: Schema | null | undefined): unknown {
  if (!schema) return {};
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((k: string) => [k, sample(schema.properties?.[k])]));
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'string':
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    default:
      return {};
  }
}

export const label = (op: Pick<Operation, 'method' | 'path'>) => `${op.method} ${op.path}`;
