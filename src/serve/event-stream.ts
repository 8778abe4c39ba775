import type { ServerResponse } from 'node:http';
import type { ApiEvent } from './api-types.ts';

/**
 * Server-sent events: every client connected to /events/stream receives each newly stored event. A client
 * that stops reading is disconnected once `maxBufferedBytes` wait unsent for it, so paused clients cannot
 * make the server's memory grow.
 */
export class EventStream {
  private readonly clients = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(readonly maxClients = 1000, readonly maxBufferedBytes = 1024 * 1024) {
    // A comment line now and then keeps proxies from closing an idle stream.
    this.heartbeat = setInterval(() => this.write(': keep-alive\n\n'), 15_000);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  /** Takes over a response; false when the server already has too many streams. */
  add(response: ServerResponse): boolean {
    if (this.clients.size >= this.maxClients) return false;
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    response.write(': connected\n\n');
    this.clients.add(response);
    response.on('close', () => this.clients.delete(response));
    return true;
  }

  /** Each event as GET /events gives it (with its source profile): the caller computes that once for its reply too. */
  publish(events: ApiEvent[]): void {
    if (this.clients.size === 0) return; // nothing to serialise for nobody
    for (const event of events) this.write(`event: event\nid: ${event.event_id}\ndata: ${JSON.stringify(event)}\n\n`);
  }

  private write(chunk: string): void {
    for (const client of this.clients) {
      if (client.writableLength > this.maxBufferedBytes) {
        this.clients.delete(client);
        client.destroy();
      } else {
        client.write(chunk);
      }
    }
  }

  /** Ends every stream (on shutdown, so that closing the server does not wait for them). */
  close(): void {
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }
}
