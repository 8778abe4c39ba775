import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP server for fetcher and watcher tests: routes by path, and a log of every request it saw. */

export interface SeenRequest {
  path: string;
  host: string | undefined;
  headers: http.IncomingHttpHeaders;
}

export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface TestServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  requests: SeenRequest[];
  routes: Map<string, Route>;
  /** Requests to one path. */
  hits(path: string): SeenRequest[];
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Route> = {}): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ path, host: req.headers.host, headers: req.headers });
    const route = table.get(path);
    if (route) route(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    routes: table,
    hits: (path) => requests.filter((r) => r.path === path),
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Serves `body` with `contentType` and any extra headers. */
export function serve(body: string, contentType = 'text/html; charset=utf-8', headers: Record<string, string> = {}): Route {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType, ...headers }).end(body);
  };
}

/** An article page with a title, a publication date and the given paragraphs. */
export function articlePage(title: string, paragraphs: string[], published: string | null = '2020-02-12'): string {
  return `<!doctype html><html><head><title>${title}</title>${published ? `<meta property="article:published_time" content="${published}">` : ''}</head>
<body><nav>Home | World | Subscribe</nav><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
<footer>Copyright Test Wire</footer></body></html>`;
}

/** An RSS 2.0 feed of `items`. */
export function rssFeed(title: string, items: { title: string; link: string; guid?: string; pubDate?: string; description?: string }[]): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>${escape(title)}</title><link>http://example.org/</link><description>test feed</description>
${items.map((item) => `<item><title>${escape(item.title)}</title><link>${escape(item.link)}</link>${item.guid ? `<guid>${escape(item.guid)}</guid>` : ''}`
  + `${item.pubDate ? `<pubDate>${item.pubDate}</pubDate>` : ''}<description>${escape(item.description ?? item.title)}</description></item>`).join('\n')}
</channel></rss>`;
}
