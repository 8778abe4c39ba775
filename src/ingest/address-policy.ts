import { isIPv4, isIPv6 } from 'node:net';

/**
 * Which network addresses and hosts sitrep may fetch from. Pure functions: the fetcher asks them about
 * every address it is about to connect to, so a feed cannot point sitrep at the machine it runs on or
 * at the private network around it (server-side request forgery).
 */

export type AddressKind =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'unique-local'
  | 'multicast'
  | 'reserved'
  | 'invalid';

function ipv4Bytes(address: string): number[] | null {
  if (!isIPv4(address)) return null;
  return address.split('.').map(Number);
}

/** The 16 bytes of an IPv6 address (any textual form, including a dotted IPv4 tail), or null. */
function ipv6Bytes(address: string): number[] | null {
  const bare = address.replace(/%.*$/, ''); // a zone id ("fe80::1%eth0") names an interface, not an address
  if (!isIPv6(bare)) return null;
  let text = bare.toLowerCase();
  const tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = ipv4Bytes(dotted[1]!);
    if (!v4) return null;
    tail.push(...v4);
    text = text.slice(0, -dotted[1]!.length) + '0:0';
  }
  const [head, rest] = text.includes('::') ? text.split('::') as [string, string] : [text, null];
  const headGroups = head ? head.split(':') : [];
  const restGroups = rest ? rest.split(':') : [];
  const missing = 8 - headGroups.length - restGroups.length;
  const groups = rest === null ? headGroups : [...headGroups, ...Array<string>(missing).fill('0'), ...restGroups];
  if (groups.length !== 8) return null;
  const bytes = groups.flatMap((group) => {
    const value = Number.parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

function inRange(bytes: number[], prefix: number[], bits: number): boolean {
  for (let bit = 0; bit < bits; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if (((bytes[byte] ?? 0) & mask) !== ((prefix[byte] ?? 0) & mask)) return false;
  }
  return true;
}

type Range = [prefix: number[], bits: number, kind: Exclude<AddressKind, 'public' | 'invalid'>];

const IPV4_RANGES: Range[] = [
  [[0, 0, 0, 0], 8, 'unspecified'], // "this network"; 0.0.0.0 reaches the local host on many systems
  [[10, 0, 0, 0], 8, 'private'],
  [[100, 64, 0, 0], 10, 'cgnat'],
  [[127, 0, 0, 0], 8, 'loopback'],
  [[169, 254, 0, 0], 16, 'link-local'], // includes cloud metadata services (169.254.169.254)
  [[172, 16, 0, 0], 12, 'private'],
  [[192, 0, 0, 0], 24, 'reserved'], // IETF protocol assignments
  [[192, 0, 2, 0], 24, 'reserved'], // documentation
  [[192, 168, 0, 0], 16, 'private'],
  [[198, 18, 0, 0], 15, 'reserved'], // benchmarking
  [[198, 51, 100, 0], 24, 'reserved'], // documentation
  [[203, 0, 113, 0], 24, 'reserved'], // documentation
  [[224, 0, 0, 0], 4, 'multicast'],
  [[240, 0, 0, 0], 4, 'reserved'], // future use, and the broadcast address
];

const IPV6_RANGES: Range[] = [
  [[0xfe, 0x80], 10, 'link-local'],
  [[0xfe, 0xc0], 10, 'private'], // deprecated site-local
  [[0xfc, 0x00], 7, 'unique-local'],
  [[0xff, 0x00], 8, 'multicast'],
  [[0x01, 0x00, 0, 0, 0, 0, 0, 0], 64, 'reserved'], // discard-only
  [[0x20, 0x01, 0x0d, 0xb8], 32, 'reserved'], // documentation
];

function classifyIPv4(bytes: number[]): AddressKind {
  for (const [prefix, bits, kind] of IPV4_RANGES) if (inRange(bytes, prefix, bits)) return kind;
  return 'public';
}

/** IPv6 forms that carry an IPv4 address, which is then what is reached: mapped, compatible, NAT64, 6to4. */
function embeddedIPv4(bytes: number[]): number[] | null {
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.slice(12); // ::ffff:a.b.c.d
  if (zeros(0, 8) && bytes[8] === 0xff && bytes[9] === 0xff && zeros(10, 12)) return bytes.slice(12); // ::ffff:0:a.b.c.d SIIT (RFC 6145)
  if (zeros(0, 12)) return bytes.slice(12); // ::a.b.c.d (deprecated "compatible" form); also :: and ::1, handled before
  if (inRange(bytes, [0x00, 0x64, 0xff, 0x9b], 96)) return bytes.slice(12); // 64:ff9b::/96 NAT64
  if (inRange(bytes, [0x20, 0x02], 16)) return bytes.slice(2, 6); // 2002::/16 6to4
  return null;
}

/** What kind of address `address` (an IPv4 or IPv6 literal) is; only "public" addresses may be fetched by default. */
export function classifyAddress(address: string): AddressKind {
  const v4 = ipv4Bytes(address);
  if (v4) return classifyIPv4(v4);
  const v6 = ipv6Bytes(address);
  if (!v6) return 'invalid';
  if (v6.every((b) => b === 0)) return 'unspecified';
  if (v6.slice(0, 15).every((b) => b === 0) && v6[15] === 1) return 'loopback';
  const embedded = embeddedIPv4(v6);
  if (embedded) return classifyIPv4(embedded);
  for (const [prefix, bits, kind] of IPV6_RANGES) if (inRange(v6, prefix, bits)) return kind;
  return 'public';
}

/** Whether sitrep may connect to `address`: public ones always, the others only when private addresses are allowed. */
export function addressAllowed(address: string, allowPrivate: boolean): boolean {
  const kind = classifyAddress(address);
  if (kind === 'invalid') return false;
  return kind === 'public' || allowPrivate;
}

/** A host name as compared: lower case, without a trailing dot or IPv6 brackets. */
export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '').replace(/^\[(.*)\]$/, '$1');
}

/**
 * A URL's host and port as allowed_hosts writes them: `host` when the port is the scheme's default (80 for
 * http, 443 for https), else `host:port`; an IPv6 host in brackets.
 */
export function hostAndPort(url: URL): string {
  const host = normaliseHost(url.hostname);
  const name = host.includes(':') ? `[${host}]` : host;
  return url.port ? `${name}:${url.port}` : name;
}

/** An allowed_hosts entry ("Example.org.", "example.org:8080", "[::1]:8443") in the form `hostAndPort` gives. */
export function normaliseHostEntry(entry: string): string {
  if (isIPv6(entry.trim())) return `[${normaliseHost(entry)}]`; // a bare IPv6 address has no port
  const parts = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(entry.trim());
  if (!parts) return normaliseHost(entry);
  const host = normaliseHost(parts[1]!);
  const name = host.includes(':') ? `[${host}]` : host;
  return parts[2] ? `${name}:${Number(parts[2])}` : name;
}

/**
 * Whether `url`'s host and port are among `allowedHosts` (exact names; a subdomain is a different host; an
 * entry without a port allows the scheme's default port only, so a feed cannot point sitrep at another
 * service on an allowed host).
 */
export function hostAllowed(url: URL, allowedHosts: readonly string[]): boolean {
  const wanted = hostAndPort(url);
  return allowedHosts.some((allowed) => normaliseHostEntry(allowed) === wanted);
}
