-- PLOVER events with no ACLED counterpart (talks, demands, accusations, ...) have a null event_type and
-- sub_event_type; plover_event becomes a column for the API's `plover_event` filter.
ALTER TABLE events ALTER COLUMN event_type DROP NOT NULL;
ALTER TABLE events ALTER COLUMN sub_event_type DROP NOT NULL;
ALTER TABLE events ADD COLUMN plover_event text;
UPDATE events SET plover_event = record->>'plover_event';
ALTER TABLE events ALTER COLUMN plover_event SET NOT NULL;
CREATE INDEX events_plover_date ON events (plover_event, event_date);
