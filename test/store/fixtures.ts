import { mkdtempSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodedEvent } from '../../src/events/event-schema.ts';
import type { Article } from '../../src/ingest/types.ts';
import { articleId } from '../../src/ingest/article-id.ts';

/** Test articles and events written by hand (not copied from the coder's output), and a temp directory. */

export function makeArticle(text: string, fields: Partial<Article> = {}): Article {
  const url = fields.url ?? null;
  return {
    id: articleId(url, text), origin: 'test', title: null, text, url, source: null, published: '2020-05-12', byline: null,
    ...fields,
  };
}

/** A shelling in Ma'arrat an-Nu'man reported by `article`; `fields` override any part of it. */
export function makeEvent(article: Article, fields: Partial<CodedEvent> = {}): CodedEvent {
  const sentence = { start: 0, end: article.text.length, text: article.text };
  return {
    event_id: `${article.id}:0:0`,
    article_id: article.id,
    event_date: '2020-05-11',
    modality: 'asserted',
    time_precision: 1,
    event_type: 'Explosions/Remote violence',
    sub_event_type: 'Shelling/artillery/missile attack',
    plover_event: 'ASSAULT',
    mode: 'artillery',
    context: ['military'],
    actor1: 'Military Forces of Syria',
    actor1_id: 'military:Syria',
    assoc_actor_1: null,
    inter1: 1,
    actor2: 'Civilians (Syria)',
    actor2_id: 'civilians:Syria',
    assoc_actor_2: null,
    inter2: 7,
    interaction: 17,
    country: 'Syria',
    admin1: 'Idlib',
    admin2: null,
    location: 'Maarat al-Numan',
    latitude: 35.6483,
    longitude: 36.6769,
    geo_precision: 1,
    location_reason: 'test',
    source: article.source,
    claimant: null,
    fatalities: 0,
    fatalities_basis: 'none',
    injured: 0,
    confidence: 0.8,
    evidence: [{ field: 'event_type', start: 0, end: Math.min(5, article.text.length), text: article.text.slice(0, 5) }],
    sentence,
    neighbourhood: null,
    quad: 'Material conflict',
    ...fields,
  };
}

export function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-store-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Articles stored in the SQLite file `db` so far (0 before it exists or is migrated), read while a writer runs. */
export function storedArticles(db: string): number {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      conn.close();
    }
  } catch {
    return 0; // not created, or the schema not migrated yet
  }
}
