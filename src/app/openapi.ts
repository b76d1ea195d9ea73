import { z } from 'zod';
import type { Route } from '../kernel/route.js';

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        messageZh: { type: 'string' },
        messageEn: { type: 'string' },
        details: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              path: { type: 'string' },
              value: {},
              rule: { type: 'string' },
              messageZh: { type: 'string' },
              messageEn: { type: 'string' },
            },
          },
        },
      },
      required: ['code', 'message'],
    },
    requestId: { type: 'string' },
  },
} as const;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  delete out.$schema;
  return out;
}

/** Builds the OpenAPI 3.1 document from the registered routes' own schemas. */
export function buildOpenApi(routes: readonly Route[], serverUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', route.params],
      ['query', route.query],
    ] as const) {
      if (!schema) continue;
      const js = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, prop] of Object.entries(js.properties ?? {})) {
        parameters.push({
          name,
          in: where,
          required: where === 'path' || (js.required ?? []).includes(name),
          schema: prop,
        });
      }
    }
    const status = String(route.successStatus ?? (route.method === 'post' ? 201 : 200));
    const operation: Record<string, unknown> = {
      summary: route.summary,
      tags: [route.tag],
      operationId: `${route.method}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      ...(parameters.length ? { parameters } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
            },
          }
        : {}),
      ...(route.auth === 'user'
        ? { security: [{ bearerAuth: [] }, { sessionCookie: [] }] }
        : { security: [] }),
      responses: {
        [status]: {
          description: 'Success',
          ...(route.response
            ? { content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } }
            : {}),
        },
        default: {
          description: 'Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    };
    (paths[path] ??= {})[route.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '古籍与民国时期文献普查保护系统 API',
      version: '0.1.0',
      description:
        'Census system for ancient books and Republican-era documents. Errors come as {error:{code,message,details},requestId}; messages in Chinese and English.',
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'Token from POST /api/auth/login or a personal API token',
        },
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'census_session',
          description: 'Web session; unsafe methods need the X-CSRF-Token header',
        },
      },
    },
  };
}
