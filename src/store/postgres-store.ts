import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Article } from '../ingest/types.ts';
import { actorIdsFor } from './actor-names.ts';
import { inTransaction, masked, openPool, poolSize } from './postgres-connection.ts';
import {
  ACTOR_SUMMARY_COLUMNS, ArticleOutcome, actorRefs, checkInputInSlices, dedupArea, locationKey, placeKey, searchBody, searchWords, shiftDay, sourceReport,
  textHash, type SourceRow,
} from './records.ts';
import {
  StoreInputError, type ActorDirectory, type ActorSummary, type AddArticleResult, type CodedEvent, type EventDetail, type EventFilter,
  type EventSourceReport, type EventStore, type MergeRule, type Page, type PlaceSummary, type StoreRules, type StoreStats,
  type StoredEvent,
} from './types.ts';

type Value = string | number | null | string[] | number[];

interface EventRow { seq: string; id: string; record: CodedEvent; source_count: number }

const EVENT_COLUMNS = 'e.seq, e.id, e.record, e.source_count';
/** The stored article an article repeats: the same id, URL or normalised text (parameters: id, url, text hash). */
const STORED_ARTICLE = 'SELECT id FROM articles WHERE id = $1 OR url = $2 OR text_hash = $3 LIMIT 1';
/** How events are listed: newest event date first, undated last, then the last stored first (streamEvents pages on it). */
const EVENT_ORDER = 'ORDER BY e.event_date DESC NULLS LAST, e.seq DESC';
/** Events read per round trip by streamEvents. */
const STREAM_PAGE = 1000;

function toStored(row: EventRow): StoredEvent {
  return { ...row.record, source_count: row.source_count };
}

/** The WHERE clause of an event filter with its parameters ($1, $2, ...: always bound, never spliced in). */
export function postgresWhere(filter: EventFilter, actors: ActorDirectory): { where: string; params: Value[] } {
  const clauses: string[] = [];
  const params: Value[] = [];
  const $ = (value: Value): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.from) clauses.push(`e.event_date >= ${$(filter.from)}::date`);
  if (filter.to) clauses.push(`e.event_date <= ${$(filter.to)}::date`);
  if (filter.event_type) clauses.push(`e.event_type = ${$(filter.event_type)}`);
  if (filter.sub_event_type) clauses.push(`e.sub_event_type = ${$(filter.sub_event_type)}`);
  if (filter.plover_event) clauses.push(`e.plover_event = ${$(filter.plover_event)}`);
  if (filter.acled !== undefined) clauses.push(filter.acled ? 'e.event_type IS NOT NULL' : 'e.event_type IS NULL');
  if (filter.country) clauses.push(`e.country = ${$(filter.country)}`);
  if (filter.admin1) clauses.push(`e.admin1 = ${$(filter.admin1)}`);
  if (filter.bbox) {
    const [minLon, minLat, maxLon, maxLat] = filter.bbox;
    // Plain ranges on the columns, which have statistics: the planner picks the (date, lon, lat) or (lon, lat)
    // btree by how many rows each would read. A box across the antimeridian is two longitude ranges.
    const lon = minLon <= maxLon
      ? `e.longitude BETWEEN ${$(minLon)} AND ${$(maxLon)}`
      : `(e.longitude >= ${$(minLon)} OR e.longitude <= ${$(maxLon)})`;
    clauses.push(`${lon} AND e.latitude BETWEEN ${$(minLat)} AND ${$(maxLat)}`);
  }
  if (filter.actor) {
    const ids = actorIdsFor(filter.actor, actors).map((id) => $(id)).join(', ');
    clauses.push(`e.seq IN (SELECT ea.event_seq FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
      WHERE a.id IN (${ids}) OR lower(a.name) = lower(${$(filter.actor)}))`);
  }
  if (filter.source) clauses.push(`e.seq IN (SELECT event_seq FROM event_sources WHERE lower(source) = lower(${$(filter.source)}))`);
  if (filter.q) clauses.push(`e.search @@ plainto_tsquery('simple', ${$(searchWords(filter.q).join(' '))})`);
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** Namespace of the advisory locks that serialise dedup of one event type and day (see dedupLocks). */
const DEDUP_LOCK = 7_340_002;

/**
 * The advisory lock keys an article's reports need, sorted so that every transaction takes them in the same
 * order (no deadlock between two articles). A report locks its event type on each day of its date window: two
 * reports that could be one event (dates at most the window apart) then share a day, so the second waits for
 * the first to commit and finds its event; reports of other types or far-apart days never wait for each other.
 */
export function dedupLocks(events: CodedEvent[], rule: Pick<MergeRule, 'dateWindowDays' | 'nearbyKm'>): number[] {
  const keys = new Set<number>();
  for (const event of events) {
    const area = dedupArea(event, rule);
    if (!area) continue;
    for (let day = area.from; day <= area.to; day = shiftDay(day, 1)) {
      keys.add(createHash('sha256').update(`${area.event_type}|${day}`).digest().readInt32BE(0));
    }
  }
  return [...keys].sort((a, b) => a - b);
}

function refuseNul(article: Article): void {
  for (const field of ['id', 'origin', 'title', 'text', 'url', 'source', 'published', 'byline'] as const) {
    if (article[field]?.includes('\u0000')) {
      throw new StoreInputError(`${article.origin}: article.${field} contains a NUL character, which PostgreSQL text cannot hold`, `article.${field}`);
    }
  }
}

export interface PostgresStoreOptions {
  /** Connections in the pool (default $SITREP_PG_POOL_SIZE, else 10). */
  poolSize?: number;
}

/**
 * The PostgreSQL store: the same contract as the SQLite one, for several processes writing at once. Every
 * article is one transaction; unique keys on article id, URL and text hash make a second writer of the same
 * article fail and retry into "duplicate"; advisory locks per event type and day make concurrent reports of
 * one event merge (dedupLocks).
 */
export class PostgresStore implements EventStore {
  private constructor(readonly url: string, private readonly rules: StoreRules, readonly pool: pg.Pool) {}

  /**
   * Connects and migrates; an unreachable server is an error naming the URL (password masked). `rules` are
   * what the store applies to coded events.
   */
  static async open(url: string, rules: StoreRules, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    return new PostgresStore(url, rules, await openPool(url, options.poolSize ?? poolSize()));
  }

  /** Runs `work` with database errors masked (postgres-connection.ts); input errors pass unchanged. */
  private async guard<T>(work: () => Promise<T>, keep: (error: unknown) => boolean = () => false): Promise<T> {
    return masked(this.url, work, (error) => error instanceof StoreInputError || keep(error));
  }

  async addArticle(article: Article, events: CodedEvent[]): Promise<AddArticleResult> {
    return this.addArticleWith(article, events, async () => undefined);
  }

  /**
   * addArticle, plus `alsoInTransaction` run in the same transaction after the article is written (or found
   * already stored): the job queue marks its job done there, so the two commit together or not at all.
   */
  async addArticleWith(
    article: Article, events: CodedEvent[], alsoInTransaction: (client: pg.PoolClient) => Promise<void>,
  ): Promise<AddArticleResult> {
    const checked = await checkInputInSlices(article, events, this.rules.eventSchema);
    refuseNul(article);
    const hash = textHash(article.text);
    const locks = dedupLocks(checked, this.rules.merge);
    let callersError: unknown;
    return this.guard(() => inTransaction(this.pool, async (client) => {
      for (const key of locks) await client.query('SELECT pg_advisory_xact_lock($1, $2)', [DEDUP_LOCK, key]);
      const result = await this.addInTransaction(client, article, checked, hash);
      await alsoInTransaction(client).catch((error: unknown) => {
        callersError = error;
        throw error;
      });
      return result;
    }), (error) => error === callersError);
  }

  private async addInTransaction(client: pg.PoolClient, article: Article, events: CodedEvent[], hash: string): Promise<AddArticleResult> {
    const existing = await client.query<{ id: string }>(STORED_ARTICLE, [article.id, article.url, hash]);
    const found = existing.rows[0];
    if (found) {
      const rows = await client.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events e
        WHERE e.seq IN (SELECT event_seq FROM event_sources WHERE article_id = $1) ORDER BY e.seq`, [found.id]);
      return { article_id: found.id, duplicate: true, created: [], merged: [], events: rows.rows.map(toStored) };
    }
    await client.query(`INSERT INTO articles (id, url, text_hash, origin, title, source, published, byline, text, report_count)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, [
      article.id, article.url, hash, article.origin, article.title, article.source, article.published, article.byline,
      article.text, events.length,
    ]);
    // Candidates are the events stored before this article (see SqliteStore.writeArticle): looked up before it
    // writes any, their records read once each.
    const candidates: string[][] = [];
    for (const report of events) candidates.push(await this.candidatesOf(client, report));
    const records = await this.recordsOf(client, [...new Set(candidates.flat())]);
    const outcome = new ArticleOutcome<string>();
    const taken = new Set<string>();
    for (const [index, report] of events.entries()) {
      const match = this.rules.merge.firstMatch(candidates[index]!, report, taken, (seq) => records.get(seq)!.record);
      if (match !== null) {
        await this.insertReport(client, match, report);
        await this.refreshEvent(client, match);
        taken.add(match);
        outcome.noteMerged(match, records.get(match)!.id);
      } else {
        const seq = await this.insertEvent(client, report);
        await this.insertReport(client, seq, report);
        outcome.noteCreated(seq, report.event_id);
      }
    }
    const rows = await client.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.seq = ANY($1::bigint[])`, [outcome.touched]);
    const bySeq = new Map(rows.rows.map((r) => [r.seq, r]));
    return {
      article_id: article.id, duplicate: false, created: outcome.created, merged: outcome.merged,
      events: outcome.touched.map((seq) => toStored(bySeq.get(seq)!)),
    };
  }

  /** The stored events `report` could be another report of, in storage order; see SqliteStore.candidatesOf. */
  private async candidatesOf(client: pg.PoolClient, report: CodedEvent): Promise<string[]> {
    const area = dedupArea(report, this.rules.merge);
    if (!area) return [];
    const common = `e.event_type = $1 AND e.modality = 'asserted' AND e.event_date BETWEEN $2::date AND $3::date`;
    const byName = `SELECT e.seq FROM events e WHERE e.location_key = $4 AND ${common}`;
    const params: Value[] = [area.event_type, area.from, area.to, area.location_key];
    let sql = `${byName} ORDER BY seq`;
    if (area.box) {
      params.push(area.box.minLon, area.box.minLat, area.box.maxLon, area.box.maxLat);
      sql = `SELECT e.seq FROM events e WHERE e.longitude BETWEEN $5 AND $7 AND e.latitude BETWEEN $6 AND $8 AND ${common}
        UNION ALL ${byName} AND e.latitude IS NULL ORDER BY seq`;
    }
    return (await client.query<{ seq: string }>(sql, params)).rows.map((r) => r.seq);
  }

  private async recordsOf(client: pg.PoolClient, seqs: string[]): Promise<Map<string, { id: string; record: CodedEvent }>> {
    if (seqs.length === 0) return new Map();
    const rows = await client.query<{ seq: string; id: string; record: CodedEvent }>(
      'SELECT seq, id, record FROM events WHERE seq = ANY($1::bigint[])', [seqs]);
    return new Map(rows.rows.map((r) => [r.seq, { id: r.id, record: r.record }]));
  }

  private async insertEvent(client: pg.PoolClient, event: CodedEvent): Promise<string> {
    const place = await this.upsertPlace(client, event);
    const result = await client.query<{ seq: string }>(`INSERT INTO events (id, event_date, event_type, sub_event_type, modality,
      country, admin1, latitude, longitude, place_id, location_key, fatalities, source_count, search, record, plover_event)
      VALUES ($1, $2::date, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1, to_tsvector('simple', $13), $14, $15) RETURNING seq`, [
      event.event_id, event.event_date, event.event_type, event.sub_event_type, event.modality, event.country, event.admin1,
      event.latitude, event.longitude, place, locationKey(event), event.fatalities, searchBody([event], event), JSON.stringify(event),
      event.plover_event,
    ]);
    const seq = result.rows[0]!.seq;
    await this.linkActors(client, seq, event);
    return seq;
  }

  private async insertReport(client: pg.PoolClient, seq: string, report: CodedEvent): Promise<void> {
    const result = await client.query<{ id: string }>(`INSERT INTO event_sources (event_seq, article_id, report_id, source, claimant,
      fatalities, sentence_start, sentence_end, record) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`, [
      seq, report.article_id, report.event_id, report.source, report.claimant, report.fatalities,
      report.sentence.start, report.sentence.end, JSON.stringify(report),
    ]);
    if (report.evidence.length === 0) return;
    await client.query(`INSERT INTO evidence (report, field, start, end_offset, text)
      SELECT $1, * FROM unnest($2::text[], $3::int[], $4::int[], $5::text[])`, [
      result.rows[0]!.id, report.evidence.map((s) => s.field), report.evidence.map((s) => s.start),
      report.evidence.map((s) => s.end), report.evidence.map((s) => s.text),
    ]);
  }

  /** Recomputes a merged event from all its reports and re-indexes it. */
  private async refreshEvent(client: pg.PoolClient, seq: string): Promise<void> {
    const reports = (await client.query<{ record: CodedEvent }>('SELECT record FROM event_sources WHERE event_seq = $1 ORDER BY id', [seq]))
      .rows.map((r) => r.record);
    const event = this.rules.merge.mergeReports(reports);
    const place = await this.upsertPlace(client, event);
    await client.query(`UPDATE events SET event_date = $1::date, sub_event_type = $2, country = $3, admin1 = $4, latitude = $5,
      longitude = $6, place_id = $7, location_key = $8, fatalities = $9, source_count = $10, search = to_tsvector('simple', $11),
      record = $12 WHERE seq = $13`, [
      event.event_date, event.sub_event_type, event.country, event.admin1, event.latitude, event.longitude, place,
      locationKey(event), event.fatalities, reports.length, searchBody(reports, event), JSON.stringify(event), seq,
    ]);
    await this.linkActors(client, seq, event);
  }

  /**
   * Place and actor rows are updated only when a value changes: every update of a row within one transaction
   * leaves a row version that later look-ups of that row walk through, so an article naming one place in
   * thousands of events would take quadratic time.
   */
  private async upsertPlace(client: pg.PoolClient, event: CodedEvent): Promise<string | null> {
    const place = placeKey(event);
    if (place) {
      await client.query(`INSERT INTO places (id, location, admin1, admin2, country, latitude, longitude) VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (id) DO UPDATE SET latitude = coalesce(places.latitude, excluded.latitude), longitude = coalesce(places.longitude, excluded.longitude)
        WHERE (places.latitude IS NULL AND excluded.latitude IS NOT NULL) OR (places.longitude IS NULL AND excluded.longitude IS NOT NULL)`,
      [place, event.location, event.admin1, event.admin2, event.country, event.latitude, event.longitude]);
    }
    return place;
  }

  /** The event's actor rows, replaced wholesale (a merge can fill in an actor). */
  private async linkActors(client: pg.PoolClient, seq: string, event: CodedEvent): Promise<void> {
    await client.query('DELETE FROM event_actors WHERE event_seq = $1', [seq]);
    // Sorted by id so that concurrent transactions lock actor rows in one order.
    for (const ref of actorRefs(event, this.rules.actors).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
      await client.query(`INSERT INTO actors (id, name, inter, country) VALUES ($1, $2, $3, $4)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, inter = coalesce(excluded.inter, actors.inter),
          country = coalesce(actors.country, excluded.country)
        WHERE actors.name IS DISTINCT FROM excluded.name OR (excluded.inter IS NOT NULL AND actors.inter IS DISTINCT FROM excluded.inter)
          OR (actors.country IS NULL AND excluded.country IS NOT NULL)`, [ref.id, ref.name, ref.inter, ref.country]);
      await client.query('INSERT INTO event_actors (event_seq, actor_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [seq, ref.id, ref.role]);
    }
  }

  async hasArticle(article: Article): Promise<boolean> {
    return this.guard(async () => (await this.pool.query(STORED_ARTICLE, [article.id, article.url, textHash(article.text)])).rows.length > 0);
  }

  async *streamEvents(filter: EventFilter, options: { pageSize?: number } = {}): AsyncGenerator<StoredEvent> {
    const { where, params } = postgresWhere(filter, this.rules.actors);
    const pageSize = Math.max(1, Math.floor(options.pageSize ?? STREAM_PAGE));
    const n = params.length;
    const and = where ? `${where} AND` : 'WHERE';
    // Keyset pages on the (event_date DESC NULLS LAST, seq DESC) order: each page starts after the last row
    // of the one before, so every page costs the same however deep the export is.
    let after: { date: string | null; seq: string } | null = null;
    for (;;) {
      const keyset: string = after === null ? where
        : after.date === null ? `${and} e.event_date IS NULL AND e.seq < $${n + 1}`
          : `${and} (e.event_date < $${n + 2}::date OR (e.event_date = $${n + 2}::date AND e.seq < $${n + 1}) OR e.event_date IS NULL)`;
      const values: Value[] = after === null ? params : after.date === null ? [...params, after.seq] : [...params, after.seq, after.date];
      const page: (EventRow & { date_key: string | null })[] = await this.guard(async () => (await this.pool.query<EventRow & { date_key: string | null }>(
        `SELECT ${EVENT_COLUMNS}, e.event_date::text AS date_key FROM events e ${keyset}
         ${EVENT_ORDER} LIMIT ${pageSize}`, values)).rows);
      for (const row of page) yield toStored(row);
      if (page.length < pageSize) return;
      const last = page[page.length - 1]!;
      after = { date: last.date_key, seq: last.seq };
    }
  }

  async queryEvents(filter: EventFilter, page: Page): Promise<{ total: number; events: StoredEvent[] }> {
    const { where, params } = postgresWhere(filter, this.rules.actors);
    const n = params.length;
    return this.guard(async () => {
      // The total and the page on two pooled connections at once: the map's query waits for one round, not two.
      const [total, rows] = await Promise.all([
        this.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM events e ${where}`, params),
        this.pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events e ${where}
          ${EVENT_ORDER} LIMIT $${n + 1} OFFSET $${n + 2}`, [...params, page.limit, page.offset]),
      ]);
      return { total: total.rows[0]!.n, events: rows.rows.map(toStored) };
    });
  }

  async getEvent(id: string): Promise<EventDetail | null> {
    return this.guard(async () => {
      const row = (await this.pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id = $1
        UNION ALL SELECT ${EVENT_COLUMNS} FROM events e JOIN event_sources s ON s.event_seq = e.seq WHERE s.report_id = $1 LIMIT 1`, [id])).rows[0];
      if (!row) return null;
      const sourceRows = await this.pool.query<SourceRow & { id: string; record: CodedEvent }>(`SELECT s.id, s.record, a.id AS article_id,
        a.title, a.url, a.source, a.published, a.text FROM event_sources s JOIN articles a ON a.id = s.article_id
        WHERE s.event_seq = $1 ORDER BY s.id`, [row.seq]);
      const evidence = await this.pool.query<{ report: string } & EventSourceReport['evidence'][number]>(`SELECT v.report, v.field,
        v.start, v.end_offset AS "end", v.text FROM evidence v JOIN event_sources s ON s.id = v.report
        WHERE s.event_seq = $1 ORDER BY v.start, v.field`, [row.seq]);
      const reports = sourceRows.rows.map((s) => s.record);
      const sources = sourceRows.rows.map((s) => sourceReport(s, s.record, evidence.rows
        .filter((v) => v.report === s.id).map(({ field, start, end, text }) => ({ field, start, end, text }))));
      return { ...toStored(row), sources, disagreements: this.rules.merge.findDisagreements(reports) };
    });
  }

  async actors(limit = 500): Promise<ActorSummary[]> {
    return this.guard(async () => (await this.pool.query<ActorSummary>(`SELECT ${ACTOR_SUMMARY_COLUMNS},
      count(DISTINCT ea.event_seq)::int AS events FROM actors a JOIN event_actors ea ON ea.actor_id = a.id
      GROUP BY lower(a.name) ORDER BY events DESC, name LIMIT $1`, [limit])).rows);
  }

  async places(limit = 500): Promise<PlaceSummary[]> {
    return this.guard(async () => (await this.pool.query<PlaceSummary>(`SELECT p.location, p.admin1, p.country, p.latitude,
      p.longitude, count(*)::int AS events FROM places p JOIN events e ON e.place_id = p.id
      GROUP BY p.id ORDER BY events DESC, p.location LIMIT $1`, [limit])).rows);
  }

  async getArticle(id: string): Promise<Article | null> {
    return this.guard(async () => (await this.pool.query<Article>(`SELECT id, origin, title, text, url, source, published, byline
      FROM articles WHERE id = $1`, [id])).rows[0] ?? null);
  }

  async stats(): Promise<StoreStats> {
    return this.guard(async () => ({
      by_day: (await this.pool.query<StoreStats['by_day'][number]>(`SELECT to_char(event_date, 'YYYY-MM-DD') AS date,
        count(*)::int AS count FROM events WHERE event_date IS NOT NULL GROUP BY event_date ORDER BY event_date`)).rows,
      by_type: (await this.pool.query<StoreStats['by_type'][number]>(`SELECT event_type, count(*)::int AS count FROM events
        GROUP BY event_type ORDER BY count DESC, event_type`)).rows,
      by_actor: (await this.pool.query<StoreStats['by_actor'][number]>(`SELECT a.name AS actor, count(DISTINCT ea.event_seq)::int AS count
        FROM event_actors ea JOIN actors a ON a.id = ea.actor_id WHERE ea.role IN ('actor1', 'actor2')
        GROUP BY a.id ORDER BY count DESC, a.name LIMIT 50`)).rows,
      total: (await this.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0]!.n,
    }));
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
