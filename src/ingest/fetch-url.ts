import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { addressAllowed, classifyAddress, hostAllowed, hostAndPort, normaliseHost } from './address-policy.ts';
import { decodeText } from './decode-text.ts';

/** What the fetcher may do. Every request is bounded in size, time and redirects, and limited to allowed hosts. */
export interface FetchPolicy {
  /** Host names that may be fetched (exact names, compared without case). */
  allowedHosts: readonly string[];
  /** Connect to loopback, private, link-local and other non-public addresses (tests, intranets). */
  allowPrivateAddresses: boolean;
  /** Largest response body, in bytes. */
  maxBytes: number;
  /** Time for the whole fetch, redirects and body included, in milliseconds. */
  timeoutMs: number;
  /** Most redirects followed (each to the same host). */
  maxRedirects: number;
}

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** How host names become addresses; node:dns by default, replaceable in tests. */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

export interface FetchOptions {
  /** Extra request headers, e.g. If-None-Match and If-Modified-Since for a conditional GET. */
  headers?: Record<string, string>;
  resolve?: Resolver;
}

export type FetchResult =
  | { status: 304; url: string; notModified: true; etag: string | null; lastModified: string | null }
  | { status: number; url: string; notModified: false; etag: string | null; lastModified: string | null; contentType: string; text: string };

/**
 * A fetch that sitrep refused or that failed, naming the URL and the reason. `permanent` refusals
 * (a host not allowed, a private address, a redirect elsewhere) do not change by retrying.
 */
export class FetchError extends Error {
  constructor(readonly url: string, readonly reason: string, readonly permanent: boolean) {
    super(`${url}: ${reason}`);
    this.name = 'FetchError';
  }
}

const ACCEPTED_TYPES = /^(?:text\/html|application\/xhtml\+xml|text\/xml|application\/xml|application\/(?:[\w.-]+\+)?xml|text\/plain)$/i;

const defaultResolver: Resolver = async (host) => dnsLookup(host, { all: true, verbatim: true });

/** The URL if sitrep may fetch it at all: http(s), no credentials, an allowed host. */
function checkUrl(raw: string, policy: FetchPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError(raw, 'not a valid URL', true);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(raw, `the scheme "${url.protocol}" is not fetched (only http and https)`, true);
  if (url.username || url.password) throw new FetchError(raw, 'URLs with credentials are not fetched', true);
  if (!hostAllowed(url, policy.allowedHosts)) throw new FetchError(raw, `the host "${hostAndPort(url)}" is not in allowed_hosts`, true);
  return url;
}

/** The addresses the host resolves to, every one of them checked; the connection goes only to these. */
async function checkedAddresses(url: URL, policy: FetchPolicy, resolve: Resolver, signal: AbortSignal): Promise<ResolvedAddress[]> {
  const host = normaliseHost(url.hostname);
  let addresses: ResolvedAddress[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await withDeadline(resolve(host), signal);
    } catch (error) {
      throw new FetchError(url.href, `cannot resolve "${host}": ${(error as Error).message}`, false);
    }
  }
  if (addresses.length === 0) throw new FetchError(url.href, `"${host}" has no address`, false);
  // One forbidden address refuses the host: a name that mixes public and private addresses is not to be trusted.
  const refused = addresses.find((a) => !addressAllowed(a.address, policy.allowPrivateAddresses));
  if (refused) {
    throw new FetchError(url.href, `"${host}" resolves to ${refused.address}, a ${classifyAddress(refused.address)} address (allow_private_addresses is false)`, true);
  }
  return addresses;
}

/** `promise`, or a rejection as soon as `signal` aborts (a DNS answer that never comes must not outlast the time limit). */
function withDeadline<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('timed out'));
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new Error('timed out'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** A lookup that answers only with the addresses already checked, so a second DNS answer (rebinding) is never used. */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  };
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer | null;
}

function header(headers: http.IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** One request, without following redirects; the body is read only for a 2xx answer, and never past maxBytes. */
function request(url: URL, addresses: ResolvedAddress[], policy: FetchPolicy, headers: Record<string, string>, signal: AbortSignal): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, {
      method: 'GET',
      headers: { 'user-agent': 'sitrep-watch/0.1', accept: 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/*;q=0.5', 'accept-encoding': 'identity', ...headers },
      lookup: pinnedLookup(addresses),
      // A fresh connection per request: a pooled socket is never reused for a check it was not made under.
      agent: false,
      signal,
    });
    req.on('error', (error) => reject(signal.aborted ? new FetchError(url.href, `no complete response within ${policy.timeoutMs} ms`, false) : new FetchError(url.href, error.message, false)));
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const done = (body: Buffer | null) => resolve({ status, headers: res.headers, body });
      if (status < 200 || status >= 300) {
        res.resume(); // a redirect's or an error's body is not read
        done(null);
        return;
      }
      const encoding = header(res.headers, 'content-encoding');
      if (encoding && encoding.toLowerCase() !== 'identity') {
        req.destroy();
        reject(new FetchError(url.href, `content-encoding "${encoding}" is not accepted (identity was asked for)`, false));
        return;
      }
      const declared = Number(header(res.headers, 'content-length') ?? Number.NaN);
      if (declared > policy.maxBytes) {
        req.destroy();
        reject(new FetchError(url.href, `the response is ${declared} bytes, over the limit of ${policy.maxBytes} bytes (max_bytes)`, false));
        return;
      }
      const chunks: Buffer[] = [];
      let received = 0;
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > policy.maxBytes) {
          req.destroy();
          reject(new FetchError(url.href, `the response is over the limit of ${policy.maxBytes} bytes (max_bytes); stopped reading`, false));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => done(Buffer.concat(chunks)));
      res.on('close', () => {
        if (!res.complete) reject(new FetchError(url.href, signal.aborted ? `no complete response within ${policy.timeoutMs} ms` : 'the connection closed before the response was complete', false));
      });
      res.on('error', (error) => reject(signal.aborted ? new FetchError(url.href, `no complete response within ${policy.timeoutMs} ms`, false) : new FetchError(url.href, error.message, false)));
    });
    req.end();
  });
}

/** The body as text: in the charset the server names when it is not UTF-8, else as sitrep reads files. */
function decodeBody(body: Buffer, contentType: string): { ok: true; text: string } | { ok: false; reason: string } {
  const charset = /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1]?.toLowerCase();
  if (!charset || charset === 'utf-8' || charset === 'utf8' || charset === 'us-ascii') return decodeText(body);
  try {
    return { ok: true, text: new TextDecoder(charset, { fatal: true }).decode(body) };
  } catch (error) {
    return { ok: false, reason: error instanceof RangeError ? `unknown charset "${charset}"` : `not text in the charset "${charset}"` };
  }
}

/**
 * Fetches `raw` as text under `policy`: http(s) only, an allowed host, every resolved address public
 * (unless private addresses are allowed) and the connection made to a checked address, redirects followed
 * by hand and only within the same host, the body capped while it streams, the whole fetch under one
 * deadline, and the content type HTML, XML or plain text. A 304 (conditional GET) comes back without a body.
 * Anything else is a FetchError naming the URL and the reason.
 */
export async function fetchUrl(raw: string, policy: FetchPolicy, options: FetchOptions = {}): Promise<FetchResult> {
  const resolve = options.resolve ?? defaultResolver;
  const first = checkUrl(raw, policy);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), policy.timeoutMs);
  try {
    let url = first;
    for (let redirects = 0; ; redirects++) {
      let addresses: ResolvedAddress[];
      try {
        addresses = await checkedAddresses(url, policy, resolve, controller.signal);
      } catch (error) {
        if (controller.signal.aborted) throw new FetchError(url.href, `no complete response within ${policy.timeoutMs} ms`, false);
        throw error;
      }
      const response = await request(url, addresses, policy, options.headers ?? {}, controller.signal);
      const etag = header(response.headers, 'etag');
      const lastModified = header(response.headers, 'last-modified');
      if (response.status === 304) return { status: 304, url: url.href, notModified: true, etag, lastModified };
      if (response.status >= 300 && response.status < 400) {
        const location = header(response.headers, 'location');
        if (!location) throw new FetchError(url.href, `HTTP ${response.status} redirect without a Location`, false);
        if (redirects >= policy.maxRedirects) throw new FetchError(url.href, `more than ${policy.maxRedirects} redirects (max_redirects)`, true);
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new FetchError(url.href, `redirect to an invalid URL "${location.slice(0, 200)}"`, true);
        }
        // Host and port: another port of the same host is another service.
        if (hostAndPort(next) !== hostAndPort(url)) {
          throw new FetchError(url.href, `redirect to another host or port (${next.host}) refused`, true);
        }
        if (url.protocol === 'https:' && next.protocol !== 'https:') throw new FetchError(url.href, `redirect from https to ${next.protocol} refused`, true);
        url = checkUrl(next.href, policy);
        continue;
      }
      if (response.status < 200 || response.status >= 300 || !response.body) {
        throw new FetchError(url.href, `HTTP ${response.status}`, response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429);
      }
      const contentType = (header(response.headers, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (!ACCEPTED_TYPES.test(contentType)) {
        throw new FetchError(url.href, `content type "${contentType || '(none)'}" is not HTML, XML or text`, true);
      }
      const decoded = decodeBody(response.body, header(response.headers, 'content-type') ?? '');
      if (!decoded.ok) throw new FetchError(url.href, decoded.reason, true);
      return { status: response.status, url: url.href, notModified: false, etag, lastModified, contentType, text: decoded.text };
    }
  } finally {
    clearTimeout(timer);
  }
}
