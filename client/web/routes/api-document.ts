// The API's OpenAPI document, made by @fastify/swagger from the routes' zod schemas (through
// fastify-type-provider-zod), and what every API route shares: the statuses it may answer with
// besides 200, and a 405 naming the methods a path takes.
import swagger from '@fastify/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from './staff-schemas';

/** The statuses an API route answers with besides 200, each with the error body of errors.ts. */
const ERRORS: Record<number, string> = {
  401: 'Not logged in',
  403: 'Wrong role (or a missing CSRF token)',
  404: 'No such directive or task',
  409: 'The task is not in a state that allows it (e.g. the report was reviewed already)',
  413: 'The body is larger than 1 MB',
  422: 'A field is invalid; the message names it',
  503: 'Temporal or PostgreSQL is unavailable for a moment; try again',
};
const errorBody = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };

type Json = Record<string, unknown>;

/**
 * An optional query parameter may also be sent empty, which means "not given" (as HTML forms
 * send it); the document says so, so that a client may send it.
 */
function emptyAllowed(query: Json): Json {
  const required = (query.required as string[] | undefined) ?? [];
  const properties = Object.fromEntries(
    Object.entries((query.properties as Json | undefined) ?? {}).map(([name, s]) => [
      name,
      required.includes(name) ? s : { anyOf: [s, { type: 'string', maxLength: 0 }] },
    ]),
  );
  return { ...query, properties };
}

/** The provider's schemas in JSON, the optional query parameters widened, and the error statuses added. */
const transform: typeof jsonSchemaTransform = (route) => {
  const { schema, url } = jsonSchemaTransform(route) as { schema: Json; url: string };
  if (schema.hide) return { schema, url };
  const response = {
    200: { description: 'OK', content: { 'application/json': { schema: (schema.response as Json)[200] } } },
    ...Object.fromEntries(Object.entries(ERRORS).map(([s, description]) => [s, { description, content: errorBody }])),
  };
  const querystring = schema.querystring ? emptyAllowed(schema.querystring as Json) : undefined;
  return { schema: { ...schema, ...(querystring ? { querystring } : {}), response }, url };
};

export async function registerApiDocument(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'dondoc API',
        version: '1',
        description:
          'Directives, tasks and the overdue board. Log in at /dang-nhap; the session cookie authenticates every call.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'dondoc_session' } },
        schemas: {
          Error: z.toJSONSchema(ErrorResponseSchema, { io: 'output', target: 'openapi-3.0' }) as Json,
        },
      },
      security: [{ session: [] }],
    },
    transform,
  });
}

/**
 * A method a path does not take is 405 with the ones it does, not a 404 that says the path is
 * missing; answered on arrival, before a body of any type is read.
 */
export function refuseOtherMethods(app: FastifyInstance, url: string, allowed: string[]): void {
  const allow = allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed;
  const refuse = async (_req: FastifyRequest, reply: FastifyReply) =>
    reply
      .status(405)
      .header('allow', allow.join(', '))
      .send({ error: 'INVALID_INPUT', message: `method: ${url} takes ${allow.join(', ')}` });
  app.route({
    method: app.supportedMethods.filter((m) => !allow.includes(m)),
    url,
    schema: { hide: true },
    onRequest: refuse,
    handler: refuse,
  });
}
