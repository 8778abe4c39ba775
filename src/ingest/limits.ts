/** Size limits on every document sitrep reads. Article text is hostile input: everything is bounded. */
export interface IngestLimits {
  /**
   * Largest file read whole, in bytes (after gunzip): text, HTML and Markdown. JSONL and feeds stream record by
   * record and have no file limit: maxLineChars and maxTextChars bound each record instead.
   */
  maxFileBytes: number;
  /** Longest article text coded, in characters; a longer one is refused, never silently cut. */
  maxTextChars: number;
  /** Longest record, in characters: a JSONL line, or the XML of one feed item. */
  maxLineChars: number;
  /** Most items read from one feed file. */
  maxFeedItems: number;
}

export const DEFAULT_LIMITS: IngestLimits = {
  maxFileBytes: 10 * 1024 * 1024,
  maxTextChars: 200_000,
  maxLineChars: 1_000_000,
  maxFeedItems: 1_000,
};
