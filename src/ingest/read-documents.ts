import type { IngestResult } from './types.ts';

export interface ReadOptions {
  /** Largest document read, in bytes; larger ones are reported as problems. */
  maxBytes?: number;
}

/**
 * CONTRACT (ingest helper): every document under `paths` (files or directories, recursively):
 * .txt/.md, .html/.htm, .jsonl, .xml/.rss/.atom feeds. One result per document or per problem, in a stable order.
 */
export async function* readDocuments(paths: string[], options: ReadOptions = {}): AsyncGenerator<IngestResult> {
  void paths; void options;
}
