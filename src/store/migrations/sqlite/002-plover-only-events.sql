-- PLOVER events with no ACLED counterpart (talks, demands, accusations, ...) have a null event_type and
-- sub_event_type; plover_event becomes a column for the API's `plover_event` filter.
-- SQLite cannot drop a NOT NULL constraint, so the table is rebuilt (its documented 12-step procedure; the
-- migration runner turns foreign keys off around migrations). `seq` is kept: the R*Tree, the full-text index
-- and the child tables refer to it.
CREATE TABLE events_new (
  seq            INTEGER PRIMARY KEY,
  id             TEXT NOT NULL UNIQUE,
  event_date     TEXT,
  event_type     TEXT,                        -- null: a PLOVER-only event
  sub_event_type TEXT,
  modality       TEXT NOT NULL,
  country        TEXT,
  admin1         TEXT,
  latitude       REAL,
  longitude      REAL,
  place_id       TEXT REFERENCES places(id),
  location_key   TEXT,
  fatalities     INTEGER NOT NULL,
  source_count   INTEGER NOT NULL,
  record         TEXT NOT NULL,
  plover_event   TEXT NOT NULL
);
INSERT INTO events_new (seq, id, event_date, event_type, sub_event_type, modality, country, admin1, latitude, longitude,
  place_id, location_key, fatalities, source_count, record, plover_event)
SELECT seq, id, event_date, event_type, sub_event_type, modality, country, admin1, latitude, longitude,
  place_id, location_key, fatalities, source_count, record, json_extract(record, '$.plover_event')
FROM events;
DROP TABLE events;
ALTER TABLE events_new RENAME TO events;
CREATE INDEX events_date ON events(event_date);
CREATE INDEX events_type ON events(event_type, sub_event_type);
CREATE INDEX events_type_date ON events(event_type, event_date);
CREATE INDEX events_country ON events(country, admin1);
CREATE INDEX events_lat_lon ON events(latitude, longitude);
CREATE INDEX events_location_date ON events(location_key, event_date);
CREATE INDEX events_plover ON events(plover_event, event_date);
