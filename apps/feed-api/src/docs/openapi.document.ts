/**
 * The OpenAPI 3.1 description of the feed API, written by hand (no generator package to keep in
 * step with Nest) and served at /docs. A unit spec checks that every route of the controllers is
 * described here and nothing else is.
 */
const problem = {
  description: 'RFC 9457 problem details',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};
const keyed = [{ bearer: [] }, { apiKey: [] }];
const feedFile = {
  name: 'file',
  in: 'path',
  required: true,
  description:
    '`<channel>.rss`, `.atom`, `.json` (JSON Feed 1.1) or `.xml` (NewsML-G2 newsMessage)',
  schema: { type: 'string', pattern: '^[a-z0-9-]+\\.(rss|atom|json|xml)$' },
};
const itemFormat = {
  name: 'format',
  in: 'query',
  schema: { type: 'string', enum: ['newsml', 'ninjs', 'atom', 'json'], default: 'newsml' },
};
const cached = (what: string) => ({
  '200': {
    description: `${what}; strong ETag and Last-Modified per representation, gzip and br by Accept-Encoding`,
    headers: {
      ETag: { schema: { type: 'string' } },
      'Last-Modified': { schema: { type: 'string' } },
      Link: { description: 'rel="hub" (WebSub) and rel="self"', schema: { type: 'string' } },
    },
  },
  '304': { description: 'Not Modified (If-None-Match, If-Modified-Since)' },
  '400': problem,
  '401': problem,
  '403': problem,
  '404': problem,
  '429': { ...problem, headers: { 'Retry-After': { schema: { type: 'integer' } } } },
});

export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'depeche feed API',
    version: '1.0.0',
    description:
      'Entitled feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1, NewsML-G2), single items (NewsML-G2, ninjs, Atom, JSON Feed), a resumable change stream, RFC 5005 archives and Google News sitemaps.',
  },
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer' },
      apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      admin: { type: 'http', scheme: 'bearer', description: 'FEED_API_ADMIN_TOKEN' },
    },
    schemas: {
      Problem: {
        type: 'object',
        required: ['type', 'title', 'status'],
        properties: {
          type: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
          instance: { type: 'string' },
        },
      },
      ChangePage: {
        type: 'object',
        required: ['changes', 'cursor', 'more'],
        properties: {
          cursor: { type: 'string', description: 'opaque; send it back to resume' },
          more: { type: 'boolean' },
          changes: {
            type: 'array',
            items: {
              type: 'object',
              required: [
                'cursor',
                'id',
                'guid',
                'version',
                'change',
                'recordedAt',
                'embargoed',
                'href',
              ],
              properties: {
                cursor: { type: 'string' },
                id: { type: 'string' },
                guid: { type: 'string' },
                version: { type: 'integer' },
                change: {
                  enum: ['published', 'updated', 'corrected', 'withdrawn', 'released', 'revoked'],
                },
                recordedAt: { type: 'string', format: 'date-time' },
                embargoed: { type: 'boolean' },
                embargoUntil: { type: 'string', format: 'date-time' },
                href: { type: 'string', format: 'uri' },
              },
            },
          },
        },
      },
    },
  },
  paths: {
    '/v1/feeds/{file}': {
      get: {
        summary: "A channel's newest stories (public channels need no key)",
        security: [...keyed, {}],
        parameters: [
          feedFile,
          {
            name: 'limit',
            in: 'query',
            schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
          },
          {
            name: 'Depeche-After-Change',
            in: 'header',
            schema: { type: 'integer', minimum: 0 },
            description:
              'A change-log position: the feed as it stands after that change (the WebSub hub sends it); 503 if this process does not get there within 5 s',
          },
          {
            name: 'Depeche-After-Time',
            in: 'header',
            schema: { type: 'string', format: 'date-time' },
            description: 'The feed with the embargo lifts and rights expiries due by this time',
          },
        ],
        responses: {
          ...cached('The feed'),
          '204': { description: 'An empty NewsML-G2 pull' },
          '503': { description: 'Asked for a consistent read this process could not give in time' },
        },
      },
    },
    '/v1/feeds/{channel}/archive/{file}': {
      get: {
        summary: 'RFC 5005 archive page: the stories first published on one UTC day',
        security: [...keyed, {}],
        parameters: [
          { name: 'channel', in: 'path', required: true, schema: { type: 'string' } },
          { ...feedFile, description: '`<YYYY-MM-DD>.rss|.atom|.json|.xml`' },
          {
            name: 'upto',
            in: 'query',
            schema: { type: 'string', format: 'date-time' },
            description:
              'Only the stories first published by this time on that day: how the subscription document links to a day still open, so that an archive URL never gains stories',
          },
        ],
        responses: cached('The archive page (fh:archive)'),
      },
    },
    '/v1/items/{id}': {
      get: {
        summary: 'One story, current version (a withdrawn one in its canceled state)',
        security: keyed,
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          itemFormat,
        ],
        responses: cached('The item'),
      },
    },
    '/v1/items/{id}/versions/{n}': {
      get: {
        summary: 'One version of a story (410 once the story is withdrawn)',
        security: keyed,
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'n', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
          itemFormat,
        ],
        responses: { ...cached('The version'), '410': problem },
      },
    },
    '/v1/changes': {
      get: {
        summary: 'Every change you may see, oldest first, resumable with the cursor',
        security: keyed,
        parameters: [
          { name: 'cursor', in: 'query', schema: { type: 'string' } },
          {
            name: 'wait',
            in: 'query',
            schema: { type: 'integer', minimum: 0, maximum: 30, default: 0 },
          },
          {
            name: 'limit',
            in: 'query',
            schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
          },
        ],
        responses: {
          '200': {
            description: 'A page of changes',
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/ChangePage' } },
            },
          },
          '400': problem,
          '401': problem,
          '429': problem,
        },
      },
    },
    '/v1/sitemaps/{file}': {
      get: {
        summary: 'Google News sitemap of a public channel: last 48 h, at most 1,000 stories',
        parameters: [
          {
            name: 'file',
            in: 'path',
            required: true,
            schema: { type: 'string', pattern: '^[a-z0-9-]+\\.xml$' },
          },
        ],
        responses: cached('The sitemap'),
      },
    },
    '/v1/admin/partners': {
      post: {
        summary: 'Create a partner',
        security: [{ admin: [] }],
        responses: {
          '201': { description: 'Created' },
          '400': problem,
          '401': problem,
          '409': problem,
        },
      },
    },
    '/v1/admin/partners/{partnerId}/keys': {
      post: {
        summary: 'Issue a key (shown once)',
        security: [{ admin: [] }],
        parameters: [{ name: 'partnerId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '201': { description: 'The key' },
          '400': problem,
          '401': problem,
          '404': problem,
        },
      },
    },
    '/v1/admin/keys/{keyId}/rotate': {
      post: {
        summary: 'Rotate a key: a new one; the old one works for a grace period',
        security: [{ admin: [] }],
        parameters: [{ name: 'keyId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '201': { description: 'The new key' },
          '400': problem,
          '401': problem,
          '404': problem,
        },
      },
    },
    '/v1/admin/keys/{keyId}': {
      delete: {
        summary: 'Revoke a key at once',
        security: [{ admin: [] }],
        parameters: [{ name: 'keyId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '204': { description: 'Revoked' }, '401': problem, '404': problem },
      },
    },
    '/v1/admin/channels': {
      put: {
        summary: 'Define (create or replace) a channel',
        security: [{ admin: [] }],
        responses: {
          '200': { description: 'The channel' },
          '400': problem,
          '401': problem,
          '404': problem,
        },
      },
    },
    '/health/live': {
      get: { summary: 'The process answers', responses: { '200': { description: 'ok' } } },
    },
    '/health/ready': {
      get: {
        summary: 'Database up, migrations applied, index loaded',
        responses: { '200': { description: 'ok' }, '503': problem },
      },
    },
    '/docs': {
      get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } },
    },
  },
} as const;
