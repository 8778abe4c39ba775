import { z } from 'zod';
import { EventSchema } from '../events/event-schema.ts';
import { SOURCE_AFFILIATIONS } from '../sources/source-profile.ts';
import { ArticleBodySchema, EventQuerySchema } from './api-schemas.ts';

/** The OpenAPI 3.1 document served at /openapi.json, built from the same zod schemas that validate requests. */

const asJson = (schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });
const errorResponse = (description: string) => ({ description, content: json(ref('Error')) });

function queryParameters(): unknown[] {
  const schema = asJson(EventQuerySchema, 'input') as { properties: Record<string, unknown> };
  return Object.entries(schema.properties).map(([name, s]) => ({ name, in: 'query', required: false, schema: s }));
}

export function openApiDocument(): Record<string, unknown> {
  const event = asJson(EventSchema, 'output') as { properties: Record<string, unknown>; required: string[] };
  // The stored event as every answer gives it: with how it is sourced (src/sources/source-profile.ts).
  const sourceProfile = {
    source_count: { type: 'integer', minimum: 1, description: 'reports merged into the event' },
    independent_outlets: { type: 'integer', minimum: 0, description: 'outlets not owned by one another' },
    source_affiliation: { type: 'string', enum: [...SOURCE_AFFILIATIONS] },
    single_source: { type: 'boolean', description: 'one report, or reports of one outlet group only' },
  };
  const storedEvent = {
    ...event,
    properties: { ...event.properties, ...sourceProfile },
    required: [...event.required, ...Object.keys(sourceProfile)],
  };
  return {
    openapi: '3.1.0',
    info: { title: 'sitrep API', version: '1', description: 'Coded conflict events with their sources. See docs/api.md.' },
    components: {
      schemas: {
        Event: storedEvent,
        ArticleBody: asJson(ArticleBodySchema, 'input'),
        Error: {
          type: 'object', required: ['error', 'field'],
          properties: { error: { type: 'string' }, field: { type: ['string', 'null'] } },
        },
      },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
    paths: {
      '/events': {
        get: {
          summary: 'Events matching the filters, newest first',
          parameters: queryParameters(),
          responses: {
            200: {
              description: 'A page of events',
              content: {
                ...json({
                  type: 'object',
                  properties: { total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, events: { type: 'array', items: ref('Event') } },
                }),
                'application/geo+json': { schema: { type: 'object', description: 'FeatureCollection; each feature\'s properties is an Event' } },
              },
            },
            400: errorResponse('A query parameter is invalid (named in "field")'),
          },
        },
      },
      '/events/{id}': {
        get: {
          summary: 'One event with its sources, evidence and disagreements',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: 'The event', content: json({ allOf: [ref('Event')] }) }, 404: errorResponse('Unknown event') },
        },
      },
      '/events/stream': {
        get: {
          summary: 'Server-sent events: one "event" message per newly stored or changed event',
          responses: { 200: { description: 'text/event-stream; each message\'s data is an Event as JSON' } },
        },
      },
      '/actors': { get: { summary: 'Actors by event count', responses: { 200: { description: '{"actors": [...]}' } } } },
      '/places': { get: { summary: 'Places by event count', responses: { 200: { description: '{"places": [...]}' } } } },
      '/stats': { get: { summary: 'Counts by day, type and actor', responses: { 200: { description: '{"by_day", "by_type", "by_actor", "total"}' } } } },
      '/articles/{id}/places': {
        get: {
          summary: 'Every place the stored article mentions, resolved (as `sitrep places`)',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['json', 'geojson'] } },
          ],
          responses: {
            200: { description: '{"article_id", "places": [{article_id, start, end, text, name, latitude, longitude, country, admin1, feature, geonameid, precision, reason}]}, or a GeoJSON FeatureCollection with ?format=geojson' },
            404: errorResponse('Unknown article'),
          },
        },
      },
      '/articles': {
        post: {
          summary: 'Code and store an article',
          security: [{ bearer: [] }],
          requestBody: { required: true, content: json(ref('ArticleBody')) },
          responses: {
            201: {
              description: 'The article\'s events as stored (for a duplicate, those already stored)',
              content: json({
                type: 'object', required: ['article_id', 'duplicate', 'events'],
                properties: { article_id: { type: 'string' }, duplicate: { type: 'boolean' }, events: { type: 'array', items: ref('Event') } },
              }),
            },
            202: { description: 'with `sitrep serve --queue`: {"article_id", "queued": true, "duplicate"}; a worker codes it' },
            400: errorResponse('The body is invalid (named in "field")'),
            401: errorResponse('Missing or wrong token'),
            413: errorResponse('Body or text too large'),
          },
        },
      },
    },
  };
}
