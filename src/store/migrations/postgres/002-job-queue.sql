-- The job queue of `sitrep enqueue` / `sitrep worker` (src/store/job-queue.ts): one row per article to code.

CREATE TABLE jobs (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id   text NOT NULL UNIQUE,          -- enqueueing the same article again is the same job
  article      json NOT NULL,                 -- the Article to code
  status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'failed')),
  attempts     integer NOT NULL DEFAULT 0,    -- claims so far (a killed worker's claim counts)
  max_attempts integer NOT NULL CHECK (max_attempts > 0),
  locked_by    text,                          -- the worker holding the lease
  locked_until timestamptz,                   -- the lease: after this, another worker may claim the job
  last_error   text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
-- Claiming scans only the open jobs, oldest first.
CREATE INDEX jobs_open ON jobs (id) WHERE status IN ('pending', 'running');
CREATE INDEX jobs_status ON jobs (status);
