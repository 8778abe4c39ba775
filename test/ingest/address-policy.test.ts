import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addressAllowed, classifyAddress, hostAllowed } from '../../src/ingest/address-policy.ts';

test('IPv4 addresses are classified by the ranges that must not be fetched', () => {
  const cases: [string, string][] = [
    ['8.8.8.8', 'public'], ['93.184.216.34', 'public'],
    ['0.0.0.0', 'unspecified'], ['127.0.0.1', 'loopback'], ['127.255.0.9', 'loopback'],
    ['10.0.0.1', 'private'], ['172.16.0.1', 'private'], ['172.31.255.255', 'private'], ['172.32.0.1', 'public'], ['172.15.255.255', 'public'],
    ['192.168.1.1', 'private'], ['169.254.169.254', 'link-local'], ['100.64.0.1', 'cgnat'], ['100.127.255.255', 'cgnat'], ['100.128.0.1', 'public'],
    ['224.0.0.1', 'multicast'], ['239.255.255.250', 'multicast'], ['255.255.255.255', 'reserved'], ['192.0.2.10', 'reserved'],
  ];
  for (const [address, kind] of cases) assert.equal(classifyAddress(address), kind, address);
});

test('IPv6 addresses are classified, whatever their textual form', () => {
  const cases: [string, string][] = [
    ['2001:4860:4860::8888', 'public'], ['2606:4700::1111', 'public'],
    ['::', 'unspecified'], ['0:0:0:0:0:0:0:0', 'unspecified'], ['::1', 'loopback'], ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fe80::1', 'link-local'], ['fe80::1%eth0', 'link-local'], ['FEBF::1', 'link-local'],
    ['fc00::1', 'unique-local'], ['fd12:3456::1', 'unique-local'], ['ff02::1', 'multicast'], ['2001:db8::1', 'reserved'],
  ];
  for (const [address, kind] of cases) assert.equal(classifyAddress(address), kind, address);
});

test('an IPv4 address inside IPv6 (mapped, NAT64, 6to4) is classified as the IPv4 address it reaches', () => {
  assert.equal(classifyAddress('::ffff:127.0.0.1'), 'loopback');
  assert.equal(classifyAddress('::ffff:7f00:1'), 'loopback');
  assert.equal(classifyAddress('0:0:0:0:0:ffff:a9fe:a9fe'), 'link-local');
  assert.equal(classifyAddress('::ffff:8.8.8.8'), 'public');
  assert.equal(classifyAddress('64:ff9b::10.0.0.1'), 'private');
  assert.equal(classifyAddress('2002:c0a8:0101::1'), 'private');
});

test('anything that is not an IP address is invalid and never allowed', () => {
  for (const value of ['', 'localhost', '1.2.3', '256.1.1.1', 'fe80:::1', '::ffff:1.2.3.256', '1.2.3.4 ']) {
    assert.equal(classifyAddress(value), 'invalid', value);
    assert.equal(addressAllowed(value, true), false, value);
  }
});

const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = fc.tuple(octet, octet, octet, octet).map((bytes) => bytes.join('.'));
const hex = (a: number, b: number) => ((a << 8) | b).toString(16);

test('property: an IPv4 address and its IPv4-mapped IPv6 forms are classified alike', () => {
  fc.assert(fc.property(fc.tuple(octet, octet, octet, octet), ([a, b, c, d]) => {
    const kind = classifyAddress(`${a}.${b}.${c}.${d}`);
    return classifyAddress(`::ffff:${a}.${b}.${c}.${d}`) === kind
      && classifyAddress(`::ffff:${hex(a, b)}:${hex(c, d)}`) === kind
      && classifyAddress(`0:0:0:0:0:FFFF:${hex(a, b)}:${hex(c, d)}`) === kind;
  }));
});

test('property: every address in 10/8, 172.16/12, 192.168/16 is private and refused unless private addresses are allowed', () => {
  const privateV4 = fc.oneof(
    fc.tuple(octet, octet, octet).map(([b, c, d]) => `10.${b}.${c}.${d}`),
    fc.tuple(fc.integer({ min: 16, max: 31 }), octet, octet).map(([b, c, d]) => `172.${b}.${c}.${d}`),
    fc.tuple(octet, octet).map(([c, d]) => `192.168.${c}.${d}`),
  );
  fc.assert(fc.property(privateV4, (address) => classifyAddress(address) === 'private' && !addressAllowed(address, false) && addressAllowed(address, true)));
});

test('property: every loopback, link-local and unique-local IPv6 address is refused by default', () => {
  const group = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
  const linkLocal = fc.tuple(group, group).map(([x, y]) => `fe80::${x}:${y}`);
  const uniqueLocal = fc.tuple(fc.integer({ min: 0xfc00, max: 0xfdff }), group).map(([p, x]) => `${p.toString(16)}::${x}`);
  const loopback = fc.constantFrom('::1', '0::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1');
  fc.assert(fc.property(fc.oneof(linkLocal, uniqueLocal, loopback), (address) => !addressAllowed(address, false)));
});

test('property: an address in no forbidden range is allowed; every valid address is allowed when private ones are', () => {
  fc.assert(fc.property(ipv4, (address) => {
    const kind = classifyAddress(address);
    return addressAllowed(address, true) && addressAllowed(address, false) === (kind === 'public');
  }));
});

test('hosts are allowed by exact name, without regard to case, a trailing dot or IPv6 brackets', () => {
  const allowed = ['example.org', '127.0.0.1', '::1'];
  assert.equal(hostAllowed(new URL('https://EXAMPLE.org./a'), allowed), true);
  assert.equal(hostAllowed(new URL('http://[::1]/'), allowed), true);
  assert.equal(hostAllowed(new URL('http://127.0.0.1/'), allowed), true);
  assert.equal(hostAllowed(new URL('https://news.example.org/'), allowed), false);
  assert.equal(hostAllowed(new URL('https://example.org.evil.net/'), allowed), false);
  assert.equal(hostAllowed(new URL('http://localhost/'), allowed), false);
});

test('an IPv4 address in the SIIT form ::ffff:0:a.b.c.d is classified as the IPv4 address it reaches', () => {
  assert.equal(classifyAddress('::ffff:0:127.0.0.1'), 'loopback');
  assert.equal(classifyAddress('::ffff:0:10.0.0.1'), 'private');
  assert.equal(classifyAddress('::ffff:0:169.254.169.254'), 'link-local');
  assert.equal(classifyAddress('0:0:0:0:ffff:0:c0a8:0101'), 'private'); // 192.168.1.1 in hexadecimal groups
  assert.equal(classifyAddress('::ffff:0:93.184.216.34'), 'public');
  assert.equal(addressAllowed('::ffff:0:127.0.0.1', false), false);
});

test('allowed_hosts compare the port too: an entry without one allows only the scheme default port', () => {
  assert.equal(hostAllowed(new URL('https://news.example.org/a'), ['news.example.org']), true);
  assert.equal(hostAllowed(new URL('http://news.example.org:80/a'), ['news.example.org']), true);
  assert.equal(hostAllowed(new URL('http://news.example.org:6379/a'), ['news.example.org']), false);
  assert.equal(hostAllowed(new URL('http://news.example.org:8080/a'), ['News.Example.org.:8080']), true);
  assert.equal(hostAllowed(new URL('http://news.example.org/a'), ['news.example.org:8080']), false);
  assert.equal(hostAllowed(new URL('http://[::1]:8443/a'), ['[::1]:8443']), true);
  assert.equal(hostAllowed(new URL('http://[::1]:22/a'), ['[::1]:8443']), false);
});
