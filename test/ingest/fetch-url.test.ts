import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { FetchError, fetchUrl, type FetchPolicy, type Resolver } from '../../src/ingest/fetch-url.ts';
import { serve, startServer } from './http-fixture.ts';

const server = await startServer({
  '/page.html': serve('<p>Clashes were reported.</p>', 'text/html; charset=utf-8', { etag: '"p1"', 'last-modified': 'Wed, 12 Feb 2020 10:00:00 GMT' }),
  '/latin1.html': (_req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' }).end(Buffer.from([0x3c, 0x70, 0x3e, 0x48, 0xe9, 0x3c, 0x2f, 0x70, 0x3e])); },
  '/hop': (_req, res) => { res.writeHead(302, { location: '/page.html' }).end(); },
  '/loop': (_req, res) => { res.writeHead(302, { location: '/loop' }).end(); },
  '/elsewhere': (_req, res) => { res.writeHead(301, { location: `http://localhost:${server.port}/page.html` }).end(); },
  '/other-port': (_req, res) => { res.writeHead(301, { location: `http://127.0.0.1:${server.port + 1}/page.html` }).end(); },
  '/big-declared': serve('x'.repeat(5000), 'text/plain', { 'content-length': '5000' }),
  '/big-streamed': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' }); // chunked: no Content-Length to refuse it early
    for (let i = 0; i < 50; i++) res.write('y'.repeat(1000));
    res.end();
  },
  '/slow-headers': (_req, res) => { setTimeout(() => { if (!res.destroyed) res.writeHead(200, { 'content-type': 'text/plain' }).end('late'); }, 3000).unref(); },
  '/slow-body': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('start ');
    setTimeout(() => { if (!res.destroyed) res.end('late end'); }, 3000).unref();
  },
  '/image.png': serve('\x89PNG', 'image/png'),
  '/conditional': (req, res) => {
    if (req.headers['if-none-match'] === '"v7"') res.writeHead(304, { etag: '"v7"' }).end();
    else res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v7"' }).end('<rss/>');
  },
  '/gone': (_req, res) => { res.writeHead(404, { 'content-type': 'text/plain' }).end('no'); },
});
after(() => server.close());

const LOCAL: FetchPolicy = { allowedHosts: [`127.0.0.1:${server.port}`], allowPrivateAddresses: true, maxBytes: 2000, timeoutMs: 500, maxRedirects: 2 };

async function refusal(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof FetchError, `expected a FetchError, got ${String(error)}`);
    return error;
  }
  assert.fail('the fetch was expected to be refused');
}

test('an allowed page is fetched as text with its validators', async () => {
  const result = await fetchUrl(`${server.origin}/page.html`, LOCAL);
  assert.equal(result.notModified, false);
  assert.ok(!result.notModified);
  assert.equal(result.text, '<p>Clashes were reported.</p>');
  assert.equal(result.etag, '"p1"');
  assert.equal(result.lastModified, 'Wed, 12 Feb 2020 10:00:00 GMT');
});

test('a body in the charset the server names is decoded in that charset', async () => {
  const result = await fetchUrl(`${server.origin}/latin1.html`, LOCAL);
  assert.ok(!result.notModified);
  assert.equal(result.text, '<p>Hé</p>');
});

test('a conditional GET with a matching ETag comes back as not modified, without a body', async () => {
  const first = await fetchUrl(`${server.origin}/conditional`, LOCAL);
  assert.equal(first.etag, '"v7"');
  const second = await fetchUrl(`${server.origin}/conditional`, LOCAL, { headers: { 'if-none-match': '"v7"' } });
  assert.equal(second.notModified, true);
  assert.equal(server.hits('/conditional').at(-1)?.headers['if-none-match'], '"v7"');
});

test('with private addresses not allowed, a loopback URL is refused before any connection', async () => {
  const before = server.requests.length;
  const policy = { ...LOCAL, allowPrivateAddresses: false };
  const error = await refusal(fetchUrl(`${server.origin}/page.html`, policy));
  assert.match(error.message, /127\.0\.0\.1.*loopback address/);
  assert.ok(error.message.startsWith(`${server.origin}/page.html`));
  const byName = await refusal(fetchUrl(`http://localhost:${server.port}/page.html`, { ...policy, allowedHosts: [`localhost:${server.port}`] }));
  assert.match(byName.message, /"localhost" resolves to .*loopback/);
  assert.equal(server.requests.length, before);
});

test('a host that resolves to a private address, or to a mix of public and private ones, is refused', async () => {
  const resolve: Resolver = async (host) => (host === 'intranet.example.org'
    ? [{ address: '10.1.2.3', family: 4 }]
    : [{ address: '93.184.216.34', family: 4 }, { address: '::ffff:169.254.169.254', family: 6 }]);
  const policy = { ...LOCAL, allowedHosts: ['intranet.example.org', 'mixed.example.org'], allowPrivateAddresses: false };
  assert.match((await refusal(fetchUrl('http://intranet.example.org/', policy, { resolve }))).reason, /10\.1\.2\.3, a private address/);
  assert.match((await refusal(fetchUrl('https://mixed.example.org/', policy, { resolve }))).reason, /169\.254\.169\.254, a link-local address/);
});

test('the connection goes to the address that was checked, resolved once', async () => {
  const asked: string[] = [];
  const resolve: Resolver = async (host) => {
    asked.push(host);
    return [{ address: '127.0.0.1', family: 4 }];
  };
  const result = await fetchUrl(`http://news.example.org:${server.port}/page.html`, { ...LOCAL, allowedHosts: [`news.example.org:${server.port}`] }, { resolve });
  assert.ok(!result.notModified);
  assert.match(result.text, /Clashes/);
  assert.deepEqual(asked, ['news.example.org']);
  assert.equal(server.requests.at(-1)?.host, `news.example.org:${server.port}`);
});

test('a host not in the allow-list and a scheme other than http(s) are refused without a request', async () => {
  const before = server.requests.length;
  const host = await refusal(fetchUrl(`${server.origin}/page.html`, { ...LOCAL, allowedHosts: ['example.org'] }));
  assert.match(host.reason, /"127\.0\.0\.1:\d+" is not in allowed_hosts/);
  assert.equal(host.permanent, true);
  assert.match((await refusal(fetchUrl('file:///etc/passwd', LOCAL))).reason, /scheme "file:"/);
  assert.match((await refusal(fetchUrl('ftp://127.0.0.1/x', LOCAL))).reason, /only http and https/);
  assert.match((await refusal(fetchUrl(`http://user:pw@127.0.0.1:${server.port}/page.html`, LOCAL))).reason, /credentials/);
  assert.equal(server.requests.length, before);
});

test('a redirect within the same host is followed; one to another host is refused', async () => {
  const followed = await fetchUrl(`${server.origin}/hop`, LOCAL);
  assert.ok(!followed.notModified);
  assert.equal(followed.url, `${server.origin}/page.html`);

  const before = server.hits('/page.html').length;
  const error = await refusal(fetchUrl(`${server.origin}/elsewhere`, { ...LOCAL, allowedHosts: [`127.0.0.1:${server.port}`, `localhost:${server.port}`] }));
  assert.match(error.reason, /redirect to another host or port \(localhost:\d+\) refused/);
  assert.equal(server.hits('/page.html').length, before);
});

test('more redirects than max_redirects are refused', async () => {
  const before = server.hits('/loop').length;
  const error = await refusal(fetchUrl(`${server.origin}/loop`, LOCAL));
  assert.match(error.reason, /more than 2 redirects/);
  assert.equal(server.hits('/loop').length - before, 3);
});

test('a response over max_bytes is refused, whether it declares its length or streams it', async () => {
  const declared = await refusal(fetchUrl(`${server.origin}/big-declared`, LOCAL));
  assert.match(declared.message, /big-declared: the response is 5000 bytes, over the limit of 2000 bytes/);
  const streamed = await refusal(fetchUrl(`${server.origin}/big-streamed`, LOCAL));
  assert.match(streamed.message, /big-streamed: the response is over the limit of 2000 bytes/);
});

test('a response slower than timeout_ms is refused, whether its headers or its body are late', async () => {
  assert.match((await refusal(fetchUrl(`${server.origin}/slow-headers`, LOCAL))).message, /slow-headers: no complete response within 500 ms/);
  assert.match((await refusal(fetchUrl(`${server.origin}/slow-body`, LOCAL))).message, /slow-body: no complete response within 500 ms/);
});

test('a host name that does not resolve within timeout_ms is refused', async () => {
  const never: Resolver = () => new Promise(() => undefined);
  const error = await refusal(fetchUrl('http://slow-dns.example.org/', { ...LOCAL, allowedHosts: ['slow-dns.example.org'] }, { resolve: never }));
  assert.equal(error.message, 'http://slow-dns.example.org/: no complete response within 500 ms');
});

test('a content type that is not HTML, XML or text is refused; an HTTP error names its status', async () => {
  assert.match((await refusal(fetchUrl(`${server.origin}/image.png`, LOCAL))).reason, /content type "image\/png" is not HTML, XML or text/);
  const gone = await refusal(fetchUrl(`${server.origin}/gone`, LOCAL));
  assert.equal(gone.reason, 'HTTP 404');
  assert.equal(gone.permanent, true);
});

test('another port of an allowed host is refused, as a URL and as a redirect', async () => {
  const before = server.requests.length;
  const direct = await refusal(fetchUrl(`http://127.0.0.1:${server.port + 1}/page.html`, LOCAL));
  assert.match(direct.reason, /"127\.0\.0\.1:\d+" is not in allowed_hosts/);
  const onlyHost = await refusal(fetchUrl(`${server.origin}/page.html`, { ...LOCAL, allowedHosts: ['127.0.0.1'] }));
  assert.match(onlyHost.reason, /not in allowed_hosts/);
  assert.equal(server.requests.length, before);
  const redirect = await refusal(fetchUrl(`${server.origin}/other-port`, { ...LOCAL, allowedHosts: [`127.0.0.1:${server.port}`, `127.0.0.1:${server.port + 1}`] }));
  assert.match(redirect.reason, /redirect to another host or port \(127\.0\.0\.1:\d+\) refused/);
});
