/** Builds the OpenAPI 3.1 document from the declared routes and their zod schemas. */
import { z } from 'zod';
import type { AnySpec } from './route.js';

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
    },
  },
};

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

/** Query and path schemas become one OpenAPI parameter per property. */
function parameters(schema: z.ZodType | undefined, where: 'query' | 'path') {
  if (!schema) return [];
  const json = jsonSchema(schema) as { properties?: Record<string, { description?: string }>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, prop]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    ...(prop.description && { description: prop.description }),
    schema: prop,
  }));
}

export function buildOpenApi(specs: AnySpec[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs) {
    const path = `/api${spec.path.replace(/:(\w+)/g, '{$1}')}`;
    const responses: Record<string, unknown> = {
      [String(spec.status ?? 200)]: { description: 'Success', content: { 'application/json': { schema: {} } } },
      400: { description: 'Invalid request: `details.field` names the offending field', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      503: { description: 'Neo4j is unreachable right now', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    };
    if (spec.path.includes(':')) responses[404] = { description: 'Unknown id', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    if (spec.write) {
      responses[401] = { description: 'Sign-in required', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
      responses[403] = { description: 'Your role may not do this', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
      responses[409] = { description: 'Changed by someone else since you read it', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    }
    (paths[path] ??= {})[spec.method] = {
      summary: spec.summary,
      tags: [spec.tag],
      parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query')],
      ...(spec.body && { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body) } } } }),
      ...(spec.write && { security: [{ bearer: [] }] }),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Actorgraph API',
      version,
      description:
        'Who is linked to whom in the news, with the evidence. Graph answers use Cytoscape elements `{nodes:[{data}], edges:[{data}]}`; errors are `{error:{code,message,details}}`.',
    },
    paths,
    components: {
      schemas: { Error: ERROR_SCHEMA },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token from `npm run analyst -- add NAME`' } },
    },
  };
}
