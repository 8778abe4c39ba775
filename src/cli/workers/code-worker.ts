import { parentPort } from 'node:worker_threads';
import { readHtml } from '../../ingest/read-html.ts';
import { codeArticle, defaultResources } from '../../pipeline.ts';
import type { CodingRequest, CodingReply } from './coding-pool.ts';

/** A worker thread: loads the coding resources once, then codes every article (or reads every page) it is sent. */
const resources = defaultResources();

parentPort?.on('message', (request: CodingRequest) => {
  let reply: CodingReply;
  try {
    reply = 'html' in request
      ? { id: request.id, read: readHtml(request.html, request.origin) }
      : { id: request.id, events: codeArticle(request.article, resources, { includeFlagged: request.includeFlagged ?? false }) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
