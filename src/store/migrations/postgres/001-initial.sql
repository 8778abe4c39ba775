-- sitrep store on PostgreSQL, version 1 (the same tables as migrations/sqlite/001-initial.sql).
-- Applied in one transaction by src/store/postgres-migrate.ts, under an advisory lock. Core PostgreSQL only:
-- no PostGIS, no extensions. docs/postgres.md explains the index choices.

CREATE TABLE articles (
  id           text PRIMARY KEY,
  url          text UNIQUE,
  text_hash    text NOT NULL UNIQUE,          -- sha256 of the normalised text: the same text is one article
  origin       text NOT NULL,
  title        text,
  source       text,
  published    text,
  byline       text,
  text         text NOT NULL,
  report_count integer NOT NULL,              -- how many event reports were stored with it (consistency check)
  ingested_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE actors (
  id      text PRIMARY KEY,                   -- dictionary id, or "name:<lower-case name>" for role actors
  name    text NOT NULL,
  inter   integer,
  country text
);
CREATE INDEX actors_name ON actors (lower(name));

CREATE TABLE places (
  id        text PRIMARY KEY,                 -- lower-case "location|admin1|country"
  location  text NOT NULL,
  admin1    text,
  admin2    text,
  country   text,
  latitude  double precision,
  longitude double precision
);

-- One row per real-world event: the merged record of its reports (event_sources).
CREATE TABLE events (
  seq            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id             text NOT NULL UNIQUE,
  event_date     date,
  event_type     text NOT NULL,
  sub_event_type text NOT NULL,
  modality       text NOT NULL,
  country        text,
  admin1         text,
  latitude       double precision,
  longitude      double precision,
  place_id       text REFERENCES places (id),
  location_key   text,                        -- lower-case "location|country": dedup of events without coordinates
  fatalities     integer NOT NULL,
  source_count   integer NOT NULL,
  search         tsvector NOT NULL,           -- the reports' sentences and the location, for `q`
  record         json NOT NULL                -- the merged event (EventSchema); json keeps the field order
);
-- Date windows with or without a box, and the newest-first order of every listing (docs/postgres.md).
CREATE INDEX events_date_lon_lat ON events (event_date DESC NULLS LAST, longitude, latitude);
-- A box without a date window.
CREATE INDEX events_lon_lat ON events (longitude, latitude);
CREATE INDEX events_search ON events USING gin (search);
CREATE INDEX events_type_date ON events (event_type, event_date);
CREATE INDEX events_sub_type ON events (sub_event_type);
CREATE INDEX events_country ON events (country, admin1);
CREATE INDEX events_location_date ON events (location_key, event_date);

-- Actors of an event (actor1, actor2, associated actors), for the actor filter and /actors.
CREATE TABLE event_actors (
  event_seq bigint NOT NULL REFERENCES events (seq) ON DELETE CASCADE,
  actor_id  text NOT NULL REFERENCES actors (id),
  role      text NOT NULL,
  PRIMARY KEY (event_seq, actor_id, role)
);
CREATE INDEX event_actors_actor ON event_actors (actor_id);

-- Every report of an event: which article said it, who in the article claims it, and the sentence.
CREATE TABLE event_sources (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_seq      bigint NOT NULL REFERENCES events (seq) ON DELETE CASCADE,
  article_id     text NOT NULL REFERENCES articles (id),
  report_id      text NOT NULL UNIQUE,        -- the coder's event id for this report
  source         text,
  claimant       text,
  fatalities     integer NOT NULL,
  sentence_start integer NOT NULL,
  sentence_end   integer NOT NULL,
  record         json NOT NULL                -- the report as coded (EventSchema)
);
CREATE INDEX event_sources_event ON event_sources (event_seq);
CREATE INDEX event_sources_article ON event_sources (article_id);
CREATE INDEX event_sources_source ON event_sources (lower(source));

-- Evidence spans of each report, as character offsets into its article's text.
CREATE TABLE evidence (
  report      bigint NOT NULL REFERENCES event_sources (id) ON DELETE CASCADE,
  field       text NOT NULL,
  start       integer NOT NULL,
  end_offset  integer NOT NULL,
  text        text NOT NULL
);
CREATE INDEX evidence_report ON evidence (report);
