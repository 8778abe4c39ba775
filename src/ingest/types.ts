/** A document as read from disk, a feed or an upload: the unit every later stage works on. */
export interface Article {
  /** Stable identity: a hash of the URL when there is one, else of the normalised text. */
  id: string;
  /** Where it came from, for error messages and provenance: a path, `path:line` for JSONL, or a URL. */
  origin: string;
  title: string | null;
  /** The text that is coded. Every character offset sitrep emits points into this string. */
  text: string;
  url: string | null;
  /** The reporting outlet ("FarsNews", "Reuters"); null when the document does not say. */
  source: string | null;
  /** Publication date as ISO `YYYY-MM-DD` (or a full ISO timestamp); null when undated, never invented. */
  published: string | null;
  byline: string | null;
}

/** A document that could not be read, named precisely enough for a user to find and fix it. */
export interface IngestProblem {
  origin: string;
  line: number | null;
  field: string | null;
  reason: string;
}

export type IngestResult =
  | { ok: true; article: Article }
  | { ok: false; problem: IngestProblem };
