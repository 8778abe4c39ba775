import Database from 'better-sqlite3';
import type { Article } from '../ingest/types.ts';
import { migrate } from './migrations.ts';
import { actorIdsFor } from './actor-names.ts';
import {
  ACTOR_SUMMARY_COLUMNS, ArticleOutcome, TimeSlice, actorRefs, checkInputInSlices, dedupArea, locationKey, placeKey, searchBody, searchWords, sourceReport, textHash,
  type SourceRow,
} from './records.ts';
import type {
  ActorDirectory, ActorSummary, AddArticleResult, CodedEvent, EventDetail, EventFilter, EventSourceReport, EventStore, Page,
  PlaceSummary, StoreRules, StoreStats, StoredEvent,
} from './types.ts';

type Row = Record<string, unknown>;

function prepared(db: Database.Database, cache: Map<string, Database.Statement>, text: string): Database.Statement {
  let statement = cache.get(text);
  if (!statement) {
    statement = db.prepare(text);
    cache.set(text, statement);
  }
  return statement;
}

type Params = (string | number | null)[];

interface EventRow { seq: number; id: string; record: string; source_count: number }

/** The stored article an article repeats: the same id, URL or normalised text (parameters: id, url, text hash). */
const STORED_ARTICLE = 'SELECT id FROM articles WHERE id = ? OR url = ? OR text_hash = ? LIMIT 1';
/** How events are listed: newest event date first, undated last, then the last stored first. */
const EVENT_ORDER = 'ORDER BY e.event_date DESC NULLS LAST, e.seq DESC';

function toStored(row: EventRow): StoredEvent {
  return { ...(JSON.parse(row.record) as CodedEvent), source_count: row.source_count };
}

/** The WHERE clause of an event filter, with its parameters (always bound, never spliced in). */
export function sqliteWhere(filter: EventFilter, actors: ActorDirectory): { where: string; params: Params } {
  const clauses: string[] = [];
  const params: Params = [];
  const add = (clause: string, ...values: Params): void => {
    clauses.push(clause);
    params.push(...values);
  };
  if (filter.from) add('e.event_date >= ?', filter.from);
  if (filter.to) add('e.event_date <= ?', filter.to);
  if (filter.event_type) add('e.event_type = ?', filter.event_type);
  if (filter.sub_event_type) add('e.sub_event_type = ?', filter.sub_event_type);
  if (filter.plover_event) add('e.plover_event = ?', filter.plover_event);
  if (filter.acled !== undefined) clauses.push(filter.acled ? 'e.event_type IS NOT NULL' : 'e.event_type IS NULL');
  if (filter.country) add('e.country = ?', filter.country);
  if (filter.admin1) add('e.admin1 = ?', filter.admin1);
  if (filter.bbox) {
    const [minLon, minLat, maxLon, maxLat] = filter.bbox;
    const box = 'SELECT seq FROM events_rtree WHERE min_lon >= ? AND max_lon <= ? AND min_lat >= ? AND max_lat <= ?';
    // A box across the antimeridian (minLon > maxLon) is two boxes.
    if (minLon <= maxLon) add(`e.seq IN (${box})`, minLon, maxLon, minLat, maxLat);
    else add(`(e.seq IN (${box}) OR e.seq IN (${box}))`, minLon, 180, minLat, maxLat, -180, maxLon, minLat, maxLat);
  }
  if (filter.actor) {
    const ids = actorIdsFor(filter.actor, actors);
    add(`e.seq IN (SELECT ea.event_seq FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
         WHERE a.id IN (${ids.map(() => '?').join(', ')}) OR a.name = ? COLLATE NOCASE)`, ...ids, filter.actor);
  }
  if (filter.source) add('e.seq IN (SELECT event_seq FROM event_sources WHERE source = ? COLLATE NOCASE)', filter.source);
  if (filter.q) {
    const match = searchWords(filter.q).map((w) => `"${w}"`).join(' ');
    add('e.seq IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)', match);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/**
 * How the migration runner runs SQL on SQLite. A migration that rebuilds a table (SQLite's way to change a
 * column) must not cascade its DROP into the child tables: foreign keys are off while migrating (they cannot
 * change inside a transaction) and checked before each migration commits. IMMEDIATE: the write lock is taken
 * before the runner asks whether the migration is applied, so two processes cannot both decide it is not.
 */
async function migrateSqlite(db: Database.Database): Promise<void> {
  db.pragma('foreign_keys = OFF');
  await migrate({
    backend: 'sqlite',
    script: async (sql) => {
      db.exec(sql);
    },
    query: async (sql, params = []) => {
      const statement = db.prepare(sql);
      if (statement.reader) return statement.all(...params) as Row[];
      statement.run(...params);
      return [];
    },
    transaction: async (work) => {
      db.exec('BEGIN IMMEDIATE');
      try {
        await work();
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`${broken.length} foreign keys left broken`);
        db.exec('COMMIT');
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    },
  });
}

/**
 * The default store: one SQLite file in WAL mode. Every article is written in one transaction, so a
 * crash leaves each article either fully stored or absent; a re-run skips what is already there.
 */
export class SqliteStore implements EventStore {
  readonly db: Database.Database;
  /** Queries go through a second connection: under WAL it reads the last commit while an article is written. */
  private readonly reader: Database.Database;

  /** Opens (creating if need be) and migrates the file at `path`; `rules` are what it applies to coded events. */
  static async open(path: string, rules: StoreRules): Promise<SqliteStore> {
    const db = new Database(path);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 10000');
      await migrateSqlite(db);
      db.pragma('foreign_keys = ON');
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqliteStore(path, rules, db);
  }

  private constructor(readonly path: string, private readonly rules: StoreRules, db: Database.Database) {
    this.db = db;
    if (path === ':memory:' || path === '') {
      this.reader = this.db; // a private database has no second connection
    } else {
      this.reader = new Database(path);
      this.reader.pragma('busy_timeout = 10000');
      this.reader.pragma('query_only = ON');
    }
  }

  async addArticle(article: Article, events: CodedEvent[]): Promise<AddArticleResult> {
    const checked = await checkInputInSlices(article, events, this.rules.eventSchema);
    const hash = textHash(article.text);
    // One write at a time through this connection; each in one transaction.
    const write = this.writing.catch(() => undefined).then(() => this.addInTransaction(article, checked, hash));
    this.writing = write;
    return write;
  }

  private writing: Promise<unknown> = Promise.resolve();

  /**
   * The article in one transaction, written in slices with a turn of the event loop between them, so that a
   * large article does not stall a server's other requests; they read through their own connection (`reader`),
   * which sees the last committed state until this transaction commits.
   */
  private async addInTransaction(article: Article, events: CodedEvent[], hash: string): Promise<AddArticleResult> {
    // IMMEDIATE: take the write lock before reading, so two processes cannot both decide "not stored yet".
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = await this.writeArticle(article, events, hash);
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  private async writeArticle(article: Article, events: CodedEvent[], hash: string): Promise<AddArticleResult> {
    const existing = this.sql(STORED_ARTICLE).get(article.id, article.url, hash) as { id: string } | undefined;
    if (existing) {
      const rows = this.sql(`SELECT DISTINCT e.seq, e.id, e.record, e.source_count FROM events e
        JOIN event_sources s ON s.event_seq = e.seq WHERE s.article_id = ? ORDER BY e.seq`).all(existing.id) as EventRow[];
      return { article_id: existing.id, duplicate: true, created: [], merged: [], events: rows.map(toStored) };
    }
    // Candidates are the events stored before this article, looked up before it writes any: the events it
    // creates are never candidates for its own reports, so each look-up stays as small as the store's area.
    const slice = new TimeSlice();
    const candidates: number[][] = [];
    for (const report of events) {
      candidates.push(this.candidatesOf(report));
      await slice.maybeYield();
    }
    this.sql(`INSERT INTO articles (id, url, text_hash, origin, title, source, published, byline, text, report_count, ingested_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      article.id, article.url, hash, article.origin, article.title, article.source, article.published, article.byline,
      article.text, events.length, new Date().toISOString(),
    );
    const outcome = new ArticleOutcome<number>();
    const taken = new Set<number>();
    const parsed = new Map<number, CodedEvent>();
    const eventOf = (seq: number): CodedEvent => {
      let event = parsed.get(seq);
      if (!event) {
        event = JSON.parse((this.sql('SELECT record FROM events WHERE seq = ?').get(seq) as { record: string }).record) as CodedEvent;
        parsed.set(seq, event);
      }
      return event;
    };
    for (const [index, report] of events.entries()) {
      const match = this.rules.merge.firstMatch(candidates[index]!, report, taken, eventOf);
      if (match !== null) {
        this.insertReport(match, report);
        this.refreshEvent(match);
        taken.add(match);
        outcome.noteMerged(match, (this.sql('SELECT id FROM events WHERE seq = ?').get(match) as { id: string }).id);
      } else {
        const seq = this.insertEvent(report);
        this.insertReport(seq, report);
        this.indexEvent(seq, report, [report]);
        outcome.noteCreated(seq, report.event_id);
      }
      await slice.maybeYield();
    }
    const stored: StoredEvent[] = [];
    for (const seq of outcome.touched) {
      stored.push(toStored(this.sql('SELECT seq, id, record, source_count FROM events WHERE seq = ?').get(seq) as EventRow));
      await slice.maybeYield();
    }
    return { article_id: article.id, duplicate: false, created: outcome.created, merged: outcome.merged, events: stored };
  }

  private readonly statements = new Map<string, Database.Statement>();
  private readonly readStatements = new Map<string, Database.Statement>();

  /** Prepared once, reused: the same SQL text always gets the same statement. */
  private sql(text: string): Database.Statement {
    return prepared(this.db, this.statements, text);
  }

  /** A statement of the read connection (queries never wait for an article being written). */
  private read(text: string): Database.Statement {
    return prepared(this.reader, this.readStatements, text);
  }

  /**
   * The stored events `report` could be another report of (see MergeRule), in storage order: same type, dates
   * in the window, and within the R*Tree box or with the same location name. The rule (`firstMatch`) then decides.
   */
  private candidatesOf(report: CodedEvent): number[] {
    const area = dedupArea(report, this.rules.merge);
    if (!area) return [];
    const common = `e.event_type = ? AND e.modality = 'asserted' AND e.event_date BETWEEN ? AND ?`;
    const window: Params = [area.event_type, area.from, area.to];
    const byName = `SELECT e.seq FROM events e WHERE e.location_key = ? AND ${common}`;
    let rows: { seq: number }[];
    if (area.box) {
      const { minLon, maxLon, minLat, maxLat } = area.box;
      rows = this.sql(`SELECT e.seq FROM events e
        WHERE e.seq IN (SELECT seq FROM events_rtree WHERE min_lon >= ? AND max_lon <= ? AND min_lat >= ? AND max_lat <= ?) AND ${common}
        UNION ${byName} AND e.latitude IS NULL ORDER BY 1`).all(minLon, maxLon, minLat, maxLat, ...window, area.location_key, ...window) as { seq: number }[];
    } else {
      rows = this.sql(`${byName} ORDER BY e.seq`).all(area.location_key, ...window) as { seq: number }[];
    }
    return rows.map((r) => r.seq);
  }

  private insertEvent(event: CodedEvent): number {
    const result = this.sql(`INSERT INTO events (id, event_date, event_type, sub_event_type, modality, country, admin1,
      latitude, longitude, place_id, location_key, fatalities, source_count, record, plover_event)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, 1, ?, ?)`).run(
      event.event_id, event.event_date, event.event_type, event.sub_event_type, event.modality, event.country, event.admin1,
      event.latitude, event.longitude, locationKey(event), event.fatalities, JSON.stringify(event), event.plover_event,
    );
    return Number(result.lastInsertRowid);
  }

  private insertReport(seq: number, report: CodedEvent): void {
    const result = this.sql(`INSERT INTO event_sources (event_seq, article_id, report_id, source, claimant, fatalities,
      sentence_start, sentence_end, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      seq, report.article_id, report.event_id, report.source, report.claimant, report.fatalities,
      report.sentence.start, report.sentence.end, JSON.stringify(report),
    );
    const evidence = this.sql('INSERT INTO evidence (report, field, start, end_offset, text) VALUES (?, ?, ?, ?, ?)');
    for (const span of report.evidence) evidence.run(result.lastInsertRowid, span.field, span.start, span.end, span.text);
  }

  private reportsOf(seq: number): CodedEvent[] {
    return (this.sql('SELECT record FROM event_sources WHERE event_seq = ? ORDER BY id').all(seq) as { record: string }[])
      .map((r) => JSON.parse(r.record) as CodedEvent);
  }

  /** Recomputes a merged event from all its reports and re-indexes it. */
  private refreshEvent(seq: number): void {
    const reports = this.reportsOf(seq);
    const event = this.rules.merge.mergeReports(reports);
    this.sql(`UPDATE events SET event_date = ?, sub_event_type = ?, country = ?, admin1 = ?, latitude = ?, longitude = ?,
      location_key = ?, fatalities = ?, source_count = ?, record = ? WHERE seq = ?`).run(
      event.event_date, event.sub_event_type, event.country, event.admin1, event.latitude, event.longitude,
      locationKey(event), event.fatalities, reports.length, JSON.stringify(event), seq,
    );
    this.indexEvent(seq, event, reports);
  }

  /** Place, actors, R*Tree and full-text rows of an event (replaced wholesale when it changes). */
  private indexEvent(seq: number, event: CodedEvent, reports: CodedEvent[]): void {
    const place = placeKey(event);
    if (place) {
      this.sql(`INSERT INTO places (id, location, admin1, admin2, country, latitude, longitude) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET latitude = coalesce(places.latitude, excluded.latitude), longitude = coalesce(places.longitude, excluded.longitude)`)
        .run(place, event.location, event.admin1, event.admin2, event.country, event.latitude, event.longitude);
    }
    this.sql('UPDATE events SET place_id = ? WHERE seq = ?').run(place, seq);

    this.sql('DELETE FROM event_actors WHERE event_seq = ?').run(seq);
    const upsertActor = this.sql(`INSERT INTO actors (id, name, inter, country) VALUES (?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET name = excluded.name, inter = coalesce(excluded.inter, actors.inter),
        country = coalesce(actors.country, excluded.country)`);
    const link = this.sql('INSERT OR IGNORE INTO event_actors (event_seq, actor_id, role) VALUES (?, ?, ?)');
    for (const ref of actorRefs(event, this.rules.actors)) {
      upsertActor.run(ref.id, ref.name, ref.inter, ref.country);
      link.run(seq, ref.id, ref.role);
    }

    this.sql('DELETE FROM events_rtree WHERE seq = ?').run(seq);
    if (event.latitude !== null && event.longitude !== null) {
      this.sql('INSERT INTO events_rtree VALUES (?, ?, ?, ?, ?)').run(seq, event.longitude, event.longitude, event.latitude, event.latitude);
    }
    this.sql('DELETE FROM events_fts WHERE rowid = ?').run(seq);
    this.sql('INSERT INTO events_fts (rowid, body) VALUES (?, ?)').run(seq, searchBody(reports, event));
  }

  async hasArticle(article: Article): Promise<boolean> {
    return this.read(STORED_ARTICLE).get(article.id, article.url, textHash(article.text)) !== undefined;
  }

  async *streamEvents(filter: EventFilter): AsyncGenerator<StoredEvent> {
    const { where, params } = sqliteWhere(filter, this.rules.actors);
    // iterate() steps the statement one row at a time; leaving the loop early finalises it. A fresh statement on the
    // reading connection, like every other query: an open iterator holds its connection, and writes use the other.
    const rows = this.reader.prepare(`SELECT e.seq, e.id, e.record, e.source_count FROM events e ${where}
      ${EVENT_ORDER}`).iterate(...params) as IterableIterator<EventRow>;
    for (const row of rows) yield toStored(row);
  }

  async queryEvents(filter: EventFilter, page: Page): Promise<{ total: number; events: StoredEvent[] }> {
    const { where, params } = sqliteWhere(filter, this.rules.actors);
    const total = (this.read(`SELECT count(*) AS n FROM events e ${where}`).get(...params) as { n: number }).n;
    const rows = this.read(`SELECT e.seq, e.id, e.record, e.source_count FROM events e ${where}
      ${EVENT_ORDER} LIMIT ? OFFSET ?`).all(...params, page.limit, page.offset) as EventRow[];
    return { total, events: rows.map(toStored) };
  }

  async getEvent(id: string): Promise<EventDetail | null> {
    const row = (this.read('SELECT seq, id, record, source_count FROM events WHERE id = ?').get(id)
      ?? this.read(`SELECT e.seq, e.id, e.record, e.source_count FROM events e JOIN event_sources s ON s.event_seq = e.seq
        WHERE s.report_id = ?`).get(id)) as EventRow | undefined;
    if (!row) return null;
    const sourceRows = this.read(`SELECT s.id, s.record, s.claimant, s.fatalities, a.id AS article_id, a.title, a.url,
      a.source, a.published, a.text FROM event_sources s JOIN articles a ON a.id = s.article_id WHERE s.event_seq = ? ORDER BY s.id`)
      .all(row.seq) as Row[];
    const evidence = this.read('SELECT field, start, end_offset AS "end", text FROM evidence WHERE report = ? ORDER BY start, field');
    const reports: CodedEvent[] = [];
    const sources: EventSourceReport[] = sourceRows.map((s) => {
      const report = JSON.parse(s.record as string) as CodedEvent;
      reports.push(report);
      return sourceReport(s as unknown as SourceRow, report, evidence.all(s.id) as EventSourceReport['evidence']);
    });
    return { ...toStored(row), sources, disagreements: this.rules.merge.findDisagreements(reports) };
  }

  async actors(limit = 500): Promise<ActorSummary[]> {
    return this.read(`SELECT ${ACTOR_SUMMARY_COLUMNS}, count(DISTINCT ea.event_seq) AS events
      FROM actors a JOIN event_actors ea ON ea.actor_id = a.id GROUP BY lower(a.name) ORDER BY events DESC, name LIMIT ?`).all(limit) as ActorSummary[];
  }

  async places(limit = 500): Promise<PlaceSummary[]> {
    return this.read(`SELECT p.location, p.admin1, p.country, p.latitude, p.longitude, count(*) AS events
      FROM places p JOIN events e ON e.place_id = p.id GROUP BY p.id ORDER BY events DESC, p.location LIMIT ?`).all(limit) as PlaceSummary[];
  }

  async getArticle(id: string): Promise<Article | null> {
    const row = this.read('SELECT id, origin, title, text, url, source, published, byline FROM articles WHERE id = ?').get(id) as Article | undefined;
    return row ?? null;
  }

  async stats(): Promise<StoreStats> {
    return {
      by_day: this.read(`SELECT event_date AS date, count(*) AS count FROM events WHERE event_date IS NOT NULL
        GROUP BY event_date ORDER BY event_date`).all() as StoreStats['by_day'],
      by_type: this.read('SELECT event_type, count(*) AS count FROM events GROUP BY event_type ORDER BY count DESC, event_type')
        .all() as StoreStats['by_type'],
      by_actor: this.read(`SELECT a.name AS actor, count(DISTINCT ea.event_seq) AS count FROM event_actors ea
        JOIN actors a ON a.id = ea.actor_id WHERE ea.role IN ('actor1', 'actor2') GROUP BY a.id ORDER BY count DESC, a.name LIMIT 50`)
        .all() as StoreStats['by_actor'],
      total: (this.read('SELECT count(*) AS n FROM events').get() as { n: number }).n,
    };
  }

  async close(): Promise<void> {
    await this.writing.catch(() => undefined);
    if (this.reader !== this.db && this.reader.open) this.reader.close();
    if (this.db.open) this.db.close();
  }
}
