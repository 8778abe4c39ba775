import { parentPort } from 'node:worker_threads';
import { articlePlaces, codeArticle, defaultResources } from '../pipeline.ts';
import type { CodingRequest, CodingReply } from './coding-pool.ts';

/** A worker thread: loads the coding resources once, then codes every article (reads every page, resolves every article's places) it is sent. */
const resources = defaultResources();

async function answer(request: CodingRequest): Promise<CodingReply> {
  try {
    if ('html' in request) {
      // Only `sitrep watch` sends pages: the HTML reader (a DOM, Readability) is loaded by the first one.
      const { readHtml } = await import('../ingest/read-html.ts');
      return { id: request.id, read: readHtml(request.html, request.origin) };
    }
    if ('places' in request) return { id: request.id, places: articlePlaces(request.places, resources) };
    return { id: request.id, events: codeArticle(request.article, resources, { includeFlagged: request.includeFlagged ?? false }) };
  } catch (error) {
    return { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on('message', (request: CodingRequest) => {
  void answer(request).then((reply) => parentPort?.postMessage(reply));
});
