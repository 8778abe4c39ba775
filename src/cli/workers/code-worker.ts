import { parentPort } from 'node:worker_threads';
import { readHtml } from '../../ingest/read-html.ts';
import { articlePlaces, codeArticle, defaultResources } from '../../pipeline.ts';
import type { CodingRequest, CodingReply } from './coding-pool.ts';

/** A worker thread: loads the coding resources once, then codes every article (reads every page, resolves every article's places) it is sent. */
const resources = defaultResources();

parentPort?.on('message', (request: CodingRequest) => {
  let reply: CodingReply;
  try {
    if ('html' in request) reply = { id: request.id, read: readHtml(request.html, request.origin) };
    else if ('places' in request) reply = { id: request.id, places: articlePlaces(request.places, resources) };
    else reply = { id: request.id, events: codeArticle(request.article, resources, { includeFlagged: request.includeFlagged ?? false }) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
