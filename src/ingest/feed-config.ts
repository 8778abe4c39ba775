import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { hostAndPort, normaliseHostEntry } from './address-policy.ts';

/** The feeds `sitrep watch` polls and the limits on what it fetches; see docs/feeds.md. */

const httpUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
  } catch {
    return false;
  }
}, 'must be an http:// or https:// URL without credentials');

const hostName = z.string().min(1).refine(
  (value) => /^(?:[^\s/:@?#[\]]+|\[[0-9a-fA-F:.]+\])(?::\d{1,5})?$/.test(value),
  'must be a host name, with :port for a port other than 80/443 (no scheme or path)',
);

const FeedSchema = z.object({
  url: httpUrl,
  interval_minutes: z.number().min(1).default(15),
  /** The outlet name given to the feed's articles; default the feed's title, else its host. */
  source: z.string().trim().min(1).optional(),
}).strict();

const LimitsSchema = z.object({
  max_bytes: z.number().int().min(1).default(2 * 1024 * 1024),
  timeout_ms: z.number().int().min(1).default(15_000),
  max_redirects: z.number().int().min(0).default(3),
  max_items_per_poll: z.number().int().min(1).default(50),
  /** Polls that try a failing item before it is given up (and logged as given up). */
  max_attempts: z.number().int().min(1).default(5),
  /** Pages fetched at the same time, across all feeds. */
  concurrency: z.number().int().min(1).max(32).default(4),
}).strict();

export const FeedConfigSchema = z.object({
  feeds: z.array(FeedSchema).min(1),
  allowed_hosts: z.array(hostName).optional(),
  limits: LimitsSchema.default(LimitsSchema.parse({})),
  allow_private_addresses: z.boolean().default(false),
}).strict();

export type FeedConfigInput = z.input<typeof FeedConfigSchema>;

export interface FeedSpec {
  url: string;
  intervalMinutes: number;
  source: string | null;
}

export interface FeedConfig {
  feeds: FeedSpec[];
  /** Hosts whose article pages may be fetched (a feed's own URL is always fetched). */
  allowedHosts: string[];
  limits: {
    maxBytes: number;
    timeoutMs: number;
    maxRedirects: number;
    maxItemsPerPoll: number;
    maxAttempts: number;
    concurrency: number;
  };
  allowPrivateAddresses: boolean;
}

/** A configuration file that cannot be used, naming the file and the field. */
export class FeedConfigError extends Error {
  constructor(readonly file: string, readonly field: string | null, readonly reason: string) {
    super(`${file}${field ? `: ${field}` : ''}: ${reason}`);
    this.name = 'FeedConfigError';
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`)).join('') || '(top level)';
}

/** The configuration from already-parsed YAML/JSON data; `file` names it in errors. */
export function feedConfigFrom(data: unknown, file: string): FeedConfig {
  const parsed = FeedConfigSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new FeedConfigError(file, fieldPath(issue.path), issue.message);
  }
  const config = parsed.data;
  const feedHosts = config.feeds.map((feed) => hostAndPort(new URL(feed.url)));
  return {
    feeds: config.feeds.map((feed) => ({ url: feed.url, intervalMinutes: feed.interval_minutes, source: feed.source ?? null })),
    allowedHosts: [...new Set((config.allowed_hosts ?? feedHosts).map(normaliseHostEntry))],
    limits: {
      maxBytes: config.limits.max_bytes,
      timeoutMs: config.limits.timeout_ms,
      maxRedirects: config.limits.max_redirects,
      maxItemsPerPoll: config.limits.max_items_per_poll,
      maxAttempts: config.limits.max_attempts,
      concurrency: config.limits.concurrency,
    },
    allowPrivateAddresses: config.allow_private_addresses,
  };
}

/** Reads and checks a feed configuration file (YAML). */
export async function loadFeedConfig(file: string): Promise<FeedConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new FeedConfigError(file, null, `cannot read: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new FeedConfigError(file, null, `not valid YAML: ${(error as Error).message}`);
  }
  return feedConfigFrom(data, file);
}
