// A JSONL corpus for the scale benchmark: short news summaries, one article per line, repeated `times` over.
// Written to a file one line at a time, so generating a large corpus takes no more memory than a small one.
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { parse } from 'csv-parse/sync';

const SHARED = new URL('../../shared/', import.meta.url);

/** The summaries the corpus is made of: the ACLED dev notes (measuring only; nothing of them is kept). */
export function scaleTexts(): { text: string; source: string }[] {
  const rows = parse(readFileSync(new URL('data/acled-2020/dev.csv', SHARED)), { columns: true }) as { notes: string; source: string }[];
  return rows.filter((r) => r.notes.trim()).map((r) => ({ text: r.notes, source: r.source }));
}

/** Writes `times` copies of the texts as JSONL to `file` (or until `maxBytes`); returns the articles written. */
export async function writeScaleCorpus(file: string, texts: { text: string; source: string }[], times: number, maxBytes = Infinity): Promise<{ articles: number; bytes: number }> {
  const out = createWriteStream(file);
  let articles = 0, bytes = 0;
  for (let copy = 0; copy < times && bytes < maxBytes; copy++) {
    for (const { text, source } of texts) {
      const line = `${JSON.stringify({ text, source, url: `https://example.org/scale/${copy}/${articles}` })}\n`;
      articles++;
      bytes += Buffer.byteLength(line);
      if (!out.write(line)) await once(out, 'drain');
      if (bytes >= maxBytes) break;
    }
  }
  out.end();
  await once(out, 'finish');
  return { articles, bytes };
}

// `tsx scripts/scale-corpus.ts FILE TIMES [MAX_BYTES]`: writes a corpus file by hand (e.g. the 1 GB run).
if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, times, maxBytes] = process.argv.slice(2);
  if (!file || !times) throw new Error('usage: tsx scripts/scale-corpus.ts FILE TIMES [MAX_BYTES]');
  const written = await writeScaleCorpus(file, scaleTexts(), Number(times), maxBytes ? Number(maxBytes) : Infinity);
  process.stdout.write(`${file}: ${written.articles} articles, ${written.bytes} bytes\n`);
}
