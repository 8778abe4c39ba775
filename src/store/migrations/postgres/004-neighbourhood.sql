-- The neighbourhood an event's point lies in (EventSchema.neighbourhood), read from the record so that events can be
-- grouped and filtered by it without a change to how events are written.
ALTER TABLE events ADD COLUMN neighbourhood text GENERATED ALWAYS AS (record->>'neighbourhood') STORED;
CREATE INDEX events_neighbourhood ON events(neighbourhood);
