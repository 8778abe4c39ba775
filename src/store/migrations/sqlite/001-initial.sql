-- sitrep store, version 1. Applied in one transaction by src/store/sqlite-store.ts.

CREATE TABLE articles (
  id           TEXT PRIMARY KEY,
  url          TEXT UNIQUE,
  text_hash    TEXT NOT NULL UNIQUE,          -- sha256 of the normalised text: the same text is one article
  origin       TEXT NOT NULL,
  title        TEXT,
  source       TEXT,
  published    TEXT,
  byline       TEXT,
  text         TEXT NOT NULL,
  report_count INTEGER NOT NULL,              -- how many event reports were stored with it (consistency check)
  ingested_at  TEXT NOT NULL
);

CREATE TABLE actors (
  id      TEXT PRIMARY KEY,                   -- dictionary id, or "name:<lower-case name>" for role actors
  name    TEXT NOT NULL,
  inter   INTEGER,
  country TEXT
);

CREATE TABLE places (
  id        TEXT PRIMARY KEY,                 -- lower-case "location|admin1|country"
  location  TEXT NOT NULL,
  admin1    TEXT,
  admin2    TEXT,
  country   TEXT,
  latitude  REAL,
  longitude REAL
);

-- One row per real-world event: the merged record of its reports (event_sources).
CREATE TABLE events (
  seq            INTEGER PRIMARY KEY,         -- rowid, shared with the R*Tree and full-text index
  id             TEXT NOT NULL UNIQUE,
  event_date     TEXT,
  event_type     TEXT NOT NULL,
  sub_event_type TEXT NOT NULL,
  modality       TEXT NOT NULL,
  country        TEXT,
  admin1         TEXT,
  latitude       REAL,
  longitude      REAL,
  place_id       TEXT REFERENCES places(id),
  location_key   TEXT,                        -- lower-case "location|country": dedup of events without coordinates
  fatalities     INTEGER NOT NULL,
  source_count   INTEGER NOT NULL,
  record         TEXT NOT NULL                -- the merged event as JSON (EventSchema)
);
CREATE INDEX events_date ON events(event_date);
CREATE INDEX events_type ON events(event_type, sub_event_type);
CREATE INDEX events_type_date ON events(event_type, event_date);
CREATE INDEX events_country ON events(country, admin1);
CREATE INDEX events_lat_lon ON events(latitude, longitude);
CREATE INDEX events_location_date ON events(location_key, event_date);

CREATE VIRTUAL TABLE events_rtree USING rtree(seq, min_lon, max_lon, min_lat, max_lat);
CREATE VIRTUAL TABLE events_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');

-- Actors of an event (actor1, actor2, associated actors), for the actor filter and /actors.
CREATE TABLE event_actors (
  event_seq INTEGER NOT NULL REFERENCES events(seq) ON DELETE CASCADE,
  actor_id  TEXT NOT NULL REFERENCES actors(id),
  role      TEXT NOT NULL,
  PRIMARY KEY (event_seq, actor_id, role)
);
CREATE INDEX event_actors_actor ON event_actors(actor_id);

-- Every report of an event: which article said it, who in the article claims it, and the sentence.
CREATE TABLE event_sources (
  id             INTEGER PRIMARY KEY,
  event_seq      INTEGER NOT NULL REFERENCES events(seq) ON DELETE CASCADE,
  article_id     TEXT NOT NULL REFERENCES articles(id),
  report_id      TEXT NOT NULL UNIQUE,        -- the coder's event id for this report
  source         TEXT,
  claimant       TEXT,
  fatalities     INTEGER NOT NULL,
  sentence_start INTEGER NOT NULL,
  sentence_end   INTEGER NOT NULL,
  record         TEXT NOT NULL                -- the report as coded, JSON (EventSchema)
);
CREATE INDEX event_sources_event ON event_sources(event_seq);
CREATE INDEX event_sources_article ON event_sources(article_id);
CREATE INDEX event_sources_source ON event_sources(source);

-- Evidence spans of each report, as character offsets into its article's text.
CREATE TABLE evidence (
  report      INTEGER NOT NULL REFERENCES event_sources(id) ON DELETE CASCADE,
  field       TEXT NOT NULL,
  start       INTEGER NOT NULL,
  end_offset  INTEGER NOT NULL,
  text        TEXT NOT NULL
);
CREATE INDEX evidence_report ON evidence(report);
