import { readFile, rename, writeFile, unlink } from 'node:fs/promises';
import { z } from 'zod';

/**
 * What `sitrep watch` remembers between runs, per feed URL: the validators of the last full read (for a
 * conditional GET), the items already handled, and the items that failed and are to be tried again.
 */

const PendingItemSchema = z.object({
  key: z.string(),
  link: z.string().nullable(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  /** The item's own text, kept only for an item without a link (its text is the article). */
  html: z.string().nullable().default(null),
  attempts: z.number().int().min(1),
  last_error: z.string(),
});

const FeedStateSchema = z.object({
  title: z.string().nullable().default(null),
  etag: z.string().nullable().default(null),
  last_modified: z.string().nullable().default(null),
  seen: z.array(z.string()).default([]),
  pending: z.array(PendingItemSchema).default([]),
});

const WatchStateSchema = z.object({
  version: z.literal(1),
  feeds: z.record(z.string(), FeedStateSchema),
});

export type PendingItem = z.infer<typeof PendingItemSchema>;
export type FeedState = z.infer<typeof FeedStateSchema>;
export type WatchState = z.infer<typeof WatchStateSchema>;

/** Most item keys remembered per feed; older ones are forgotten (the store still refuses a duplicate article). */
export const MAX_SEEN_PER_FEED = 10_000;

export function emptyFeedState(): FeedState {
  return { title: null, etag: null, last_modified: null, seen: [], pending: [] };
}

/** The state in `file`; a missing file is a first run. A file that is not a watch state is an error naming it. */
export async function loadWatchState(file: string): Promise<WatchState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, feeds: {} };
    throw new Error(`${file}: cannot read the watch state: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: the watch state is not JSON (${(error as Error).message}); move it away to start afresh`);
  }
  const parsed = WatchStateSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: not a sitrep watch state (${issue.path.join('.') || 'top level'}: ${issue.message}); move it away to start afresh`);
  }
  return parsed.data;
}

/** Writes the state so that a crash leaves either the old file or the new one, never half of one. */
export async function saveWatchState(file: string, state: WatchState): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temp, `${JSON.stringify(state)}\n`, { encoding: 'utf8', mode: 0o600 });
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new Error(`${file}: cannot write the watch state: ${(error as Error).message}`);
  }
}
