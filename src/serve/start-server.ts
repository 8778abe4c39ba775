import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
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
import { ArticleBodySchema, EventIdParamsSchema, EventQuerySchema, MAX_ARTICLE_CHARS, NoQuerySchema, firstIssue } from './api-schemas.ts';
import { EventStream } from './event-stream.ts';
import { CodingDeadlineError, CodingPool, DEFAULT_CODING_DEADLINE_MS } from '../workers/coding-pool.ts';
import { eventsToCsv, eventsToGeoJson, withSourceProfile } from './format-events.ts';
import { openApiDocument } from './openapi.ts';
import type { ActorsResponse, ApiEventDetail, ArticleResponse, EventsResponse, PlacesResponse, StatsResponse } from './api-types.ts';
import { placesToGeoJson } from './format-places.ts';
import type { PlaceRecord } from '../resolve/place-records.ts';

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
  /**
   * How an uploaded article is coded; the real pipeline unless a test gives another. The real pipeline runs
   * in a worker thread under a deadline, so the server answers other requests while an article is coded.
   */
  code?: (article: Article) => CodedEvent[] | Promise<CodedEvent[]>;
  /** Longest time the coding of one upload may take (default 60 s); a longer one is stopped and refused (422). */
  codingDeadlineMs?: number;
  logger?: boolean;
  /** Most clients of /events/stream at once (default 1,000); more get 503. */
  maxEventStreams?: number;
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

function fail(reply: FastifyReply, status: number, error: string, field: string | null = null): FastifyReply {
  return reply.code(status).type('application/json').send({ error, field });
}

/** Requests node's HTTP parser refuses (headers too large, malformed) get the API's error body on the raw socket. */
function rawClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message, field] = error.code === 'HPE_HEADER_OVERFLOW'
    ? [431, 'request headers (or the URL) too large', 'headers']
    : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'request not received in time', null] : [400, 'malformed HTTP request', null];
  const body = JSON.stringify({ error: message, field });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy();
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
  const stream = new EventStream(options.maxEventStreams);
  // Coding and place resolution run in a worker thread under a deadline: the event loop never waits on one article.
  let pool: CodingPool | null = null;
  const deadlineMs = options.codingDeadlineMs ?? DEFAULT_CODING_DEADLINE_MS;
  const coder = options.code ?? ((article: Article) => {
    pool ??= new CodingPool(1);
    return pool.code(article, { deadlineMs });
  });
  const placesOf = (article: Article): Promise<PlaceRecord[]> => {
    pool ??= new CodingPool(1);
    return pool.places(article, deadlineMs);
  };

  const app = Fastify({
    logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT, forceCloseConnections: 'idle',
    // Errors raised before a route is found answer in the API's own {error, field} body too.
    frameworkErrors: (error, _request, reply) => {
      if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return fail(reply, 414, 'the URL is too long', 'url');
      return fail(reply, 400, 'the URL is not valid (bad percent-encoding)', 'url');
    },
    clientErrorHandler: rawClientError,
  });
  // Uploads are JSON only: a text/plain body is refused (415) rather than read as a body that is not an object.
  app.removeContentTypeParser('text/plain');
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

  app.setErrorHandler((error: { statusCode?: number; message: string; code?: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return fail(reply, 415, 'POST /articles takes a JSON body (content-type: application/json)', 'content-type');
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return fail(reply, 413, `request body larger than ${app.initialConfig.bodyLimit} bytes`, 'body');
    if (error instanceof StoreInputError) return fail(reply, 400, error.message, error.field);
    if (status >= 400 && status < 500) return fail(reply, status, error.message, error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'body' : null);
    request.log.error(error);
    return fail(reply, 500, 'internal error');
  });
  app.setNotFoundHandler((request, reply) => fail(reply, 404, `no route ${request.method} ${request.url.split('?')[0]}`));

  if (options.protectReads && token) {
    // Every method, HEAD included (Fastify adds a HEAD route to each GET, which would run the query and tell
    // its size); POST /articles checks the token itself.
    app.addHook('onRequest', async (request, reply) => {
      const open = request.method === 'POST' || request.url.split('?')[0] === '/openapi.json';
      if (!open && !tokenMatches(token, request.headers.authorization)) {
        return fail(reply, 401, 'a valid bearer token is required', 'authorization');
      }
    });
  }
  const noQuery = (request: FastifyRequest, reply: FastifyReply): boolean => {
    const parsed = NoQuerySchema.safeParse(request.query);
    if (parsed.success) return true;
    const { error, field } = firstIssue(parsed.error, 'query');
    void fail(reply, 400, error, field);
    return false;
  };

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
    return { total: page.total, limit, offset, events: page.events.map(withSourceProfile) } satisfies EventsResponse;
  });

  app.get('/events/stream', (request, reply) => {
    // A HEAD request gets the stream's headers and no stream: it never takes one of the limited slots.
    if (request.method === 'HEAD') return reply.type('text/event-stream; charset=utf-8').header('cache-control', 'no-cache').send();
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
    return event ? (withSourceProfile(event) satisfies ApiEventDetail) : fail(reply, 404, `no event with id "${parsed.data.id}"`, 'id');
  });

  app.get('/actors', async (request, reply) => (noQuery(request, reply) ? ({ actors: await store.actors() } satisfies ActorsResponse) : reply));
  app.get('/places', async (request, reply) => (noQuery(request, reply) ? ({ places: await store.places() } satisfies PlacesResponse) : reply));
  app.get('/stats', async (request, reply) => (noQuery(request, reply) ? (store.stats() satisfies Promise<StatsResponse>) : reply));

  app.get('/articles/:id/places', async (request, reply) => {
    const parsed = EventIdParamsSchema.safeParse(request.params);
    if (!parsed.success) return fail(reply, 400, firstIssue(parsed.error, 'path').error, 'id');
    const article = await store.getArticle(parsed.data.id);
    if (!article) return fail(reply, 404, `no article with id "${parsed.data.id}"`, 'id');
    let places: PlaceRecord[];
    try {
      places = await placesOf(article);
    } catch (error) {
      if (error instanceof CodingDeadlineError) return fail(reply, 422, `the article's places could not be resolved within ${error.deadlineMs} ms`, 'text');
      throw error;
    }
    const { format } = request.query as { format?: string };
    if (wantsGeoJson(request, format)) return reply.type('application/geo+json').send(placesToGeoJson(places));
    return { article_id: article.id, places };
  });

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
    let events: CodedEvent[];
    try {
      events = await coder(article);
    } catch (error) {
      if (error instanceof CodingDeadlineError) return fail(reply, 422, `the article could not be coded within ${error.deadlineMs} ms`, 'text');
      throw error;
    }
    const result = await store.addArticle(article, events);
    // The events as GET /events gives them, profile of their sources included, in the reply and the stream alike.
    const stored = result.events.map(withSourceProfile);
    const fresh = new Set([...result.created, ...result.merged]);
    stream.publish(stored.filter((e) => fresh.has(e.event_id)));
    return reply.code(201).send({ article_id: result.article_id, duplicate: result.duplicate, events: stored } satisfies ArticleResponse);
  });

  const webRoot = options.webRoot ? resolve(options.webRoot) : null;
  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: false, index: 'index.html' });
  } else {
    app.get('/', async () => ({ name: 'sitrep', api: '/openapi.json', web: 'not built (web/dist)' }));
  }

  app.addHook('preClose', async () => stream.close());
  app.addHook('onClose', async () => pool?.close());
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
