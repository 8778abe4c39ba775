import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { CodedEvent } from '../events/event-schema.ts';
import type { Article } from '../ingest/types.ts';
import { articleId } from '../ingest/article-id.ts';
import type { EventStore } from '../store/types.ts';
import { StoreInputError } from '../store/types.ts';
import type { ArticleQueue } from '../store/job-queue.ts';
import { ArticleBodySchema, EventIdParamsSchema, EventQuerySchema, MAX_ARTICLE_CHARS, firstIssue } from './api-schemas.ts';
import { EventStream } from './event-stream.ts';
import { eventsToCsv, eventsToGeoJson, withSourceProfile } from './format-events.ts';
import { openApiDocument } from './openapi.ts';

export interface ServerOptions {
  store: EventStore;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Bearer token for writes (POST /articles); without one, writes are refused with 403. */
  token?: string | null;
  /** Also require the token for reads. */
  protectReads?: boolean;
  /** Directory of the built web map (web/dist); served at / when it has an index.html. */
  webRoot?: string | null;
  /** Largest request body in bytes (default 1 MB). */
  bodyLimit?: number;
  /** Longest article text accepted by POST /articles, in characters (default: the ingest limit, 200,000). */
  maxTextChars?: number;
  /** When set, POST /articles queues the article for `sitrep worker` processes (202) instead of coding it here. */
  queue?: ArticleQueue | null;
  /** How an uploaded article is coded; the real pipeline unless a test gives another. */
  code?: (article: Article) => CodedEvent[] | Promise<CodedEvent[]>;
  logger?: boolean;
}

export interface RunningServer {
  url: string;
  /** Stops accepting connections, ends event streams, waits for in-flight requests. Does not close the store. */
  close(): Promise<void>;
}

const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Constant-time token check: both sides hashed first so that lengths do not leak either. */
function tokenMatches(expected: string, header: string | undefined): boolean {
  const presented = /^Bearer (.+)$/i.exec(header ?? '')?.[1] ?? '';
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(presented).digest();
  return timingSafeEqual(a, b) && presented.length > 0;
}

async function defaultCoder(): Promise<(article: Article) => CodedEvent[]> {
  const { codeArticle, defaultResources } = await import('../pipeline.ts');
  const resources = defaultResources();
  return (article) => codeArticle(article, resources);
}

function wantsGeoJson(request: FastifyRequest, format: string | undefined): boolean {
  if (format) return format === 'geojson';
  return /application\/geo\+json/i.test(request.headers.accept ?? '');
}

/** The HTTP API of docs/api.md (and the web map when built), on `host:port`. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { store } = options;
  const token = options.token ?? null;
  const maxTextChars = options.maxTextChars ?? MAX_ARTICLE_CHARS;
  const stream = new EventStream();
  let coder: ((article: Article) => CodedEvent[] | Promise<CodedEvent[]>) | null = options.code ?? null;

  const app = Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT, forceCloseConnections: 'idle' });
  // The web map needs nothing from elsewhere: its script, styles, fonts and basemap are all served from here.
  // The server speaks plain HTTP, so asking browsers to upgrade requests to HTTPS would break it on any non-local address.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'img-src': ["'self'", 'data:'], 'connect-src': ["'self'"], 'style-src': ["'self'"], 'font-src': ["'self'"],
        'upgrade-insecure-requests': null,
      },
    },
  });

  const fail = (reply: FastifyReply, status: number, error: string, field: string | null = null) =>
    reply.code(status).type('application/json').send({ error, field });

  app.setErrorHandler((error: { statusCode?: number; message: string; code?: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return fail(reply, 413, `request body larger than ${app.initialConfig.bodyLimit} bytes`, 'body');
    if (error instanceof StoreInputError) return fail(reply, 400, error.message, error.field);
    if (status >= 400 && status < 500) return fail(reply, status, error.message, error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'body' : null);
    request.log.error(error);
    return fail(reply, 500, 'internal error');
  });
  app.setNotFoundHandler((request, reply) => fail(reply, 404, `no route ${request.method} ${request.url.split('?')[0]}`));

  if (options.protectReads && token) {
    app.addHook('onRequest', async (request, reply) => {
      if (request.method === 'GET' && request.url !== '/openapi.json' && !tokenMatches(token, request.headers.authorization)) {
        return fail(reply, 401, 'a valid bearer token is required', 'authorization');
      }
    });
  }

  app.get('/openapi.json', async () => openApiDocument());

  app.get('/events', async (request, reply) => {
    const parsed = EventQuerySchema.safeParse(request.query);
    if (!parsed.success) {
      const { error, field } = firstIssue(parsed.error, 'query');
      return fail(reply, 400, error, field);
    }
    const { limit, offset, format, ...filter } = parsed.data;
    const page = await store.queryEvents(filter, { limit, offset });
    if (format === 'csv') {
      // "Export this view": the page's filters as a spreadsheet; the paging members travel as headers.
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="sitrep-events.csv"')
        .header('x-total-count', String(page.total)).send(eventsToCsv(page.events));
    }
    if (wantsGeoJson(request, format)) {
      return reply.type('application/geo+json').send({ ...eventsToGeoJson(page.events), total: page.total, limit, offset });
    }
    return { total: page.total, limit, offset, events: page.events.map(withSourceProfile) };
  });

  app.get('/events/stream', (request, reply) => {
    reply.hijack();
    if (!stream.add(reply.raw)) {
      reply.raw.writeHead(503, { 'content-type': 'application/json' });
      reply.raw.end(JSON.stringify({ error: 'too many event streams', field: null }));
    }
  });

  app.get('/events/:id', async (request, reply) => {
    const parsed = EventIdParamsSchema.safeParse(request.params);
    if (!parsed.success) return fail(reply, 400, firstIssue(parsed.error, 'path').error, 'id');
    const event = await store.getEvent(parsed.data.id);
    return event ? withSourceProfile(event) : fail(reply, 404, `no event with id "${parsed.data.id}"`, 'id');
  });

  app.get('/actors', async () => ({ actors: await store.actors() }));
  app.get('/places', async () => ({ places: await store.places() }));
  app.get('/stats', async () => store.stats());

  app.post('/articles', async (request, reply) => {
    if (!token) return fail(reply, 403, 'writes are disabled: the server has no API token configured', 'authorization');
    if (!tokenMatches(token, request.headers.authorization)) return fail(reply, 401, 'a valid bearer token is required', 'authorization');
    const body = request.body as Record<string, unknown> | null;
    if (body && typeof body === 'object' && typeof body.text === 'string' && body.text.length > maxTextChars) {
      return fail(reply, 413, `text longer than ${maxTextChars} characters`, 'text');
    }
    const parsed = ArticleBodySchema.safeParse(body);
    if (!parsed.success) {
      const { error, field } = firstIssue(parsed.error, 'body');
      return fail(reply, 400, error, field);
    }
    const input = parsed.data;
    const text = input.text.trim();
    const url = input.url ?? null;
    const article: Article = {
      id: articleId(url, text), origin: url ?? 'POST /articles', title: input.title ?? null, text, url,
      source: input.source ?? null, published: input.published ?? null, byline: null,
    };
    if (options.queue) {
      const queued = await options.queue.enqueue(article);
      return reply.code(202).send({ article_id: article.id, queued: true, duplicate: queued.already > 0 });
    }
    coder ??= await defaultCoder();
    const result = await store.addArticle(article, await coder(article));
    const fresh = new Set([...result.created, ...result.merged]);
    stream.publish(result.events.filter((e) => fresh.has(e.event_id)));
    return reply.code(201).send({ article_id: result.article_id, duplicate: result.duplicate, events: result.events });
  });

  const webRoot = options.webRoot ? resolve(options.webRoot) : null;
  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: false, index: 'index.html' });
  } else {
    app.get('/', async () => ({ name: 'sitrep', api: '/openapi.json', web: 'not built (web/dist)' }));
  }

  app.addHook('preClose', async () => stream.close());
  // A response finished while closing ends its connection: a keep-alive socket would otherwise hold the
  // shutdown open until the client's idle timeout.
  let closing = false;
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  const address = await app.listen({ port: options.port ?? 8080, host: options.host ?? '127.0.0.1' });
  return {
    url: address.replace('[::1]', 'localhost'),
    close: async () => {
      closing = true;
      await app.close();
    },
  };
}
