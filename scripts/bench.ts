// `npm run bench`: how fast sitrep codes news text, next to the bare cost of tokenising and tagging it.
// The corpus is built from ../shared (the seed report and the ACLED notes), repeated to at least 5 MB,
// and generated one article at a time so memory does not grow with its size. Its last section (scripts/bench-scale.ts)
// runs `sitrep code` on a JSONL corpus at 1× and 16× and reports wall time and peak memory of each.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { codeArticle, defaultResources } from '../src/pipeline.ts';
import type { Article } from '../src/ingest/types.ts';
import { benchGazetteer, formatGazetteerBench } from './bench-gazetteer.ts';
import { benchStore, formatStoreBench } from './bench-store.ts';
import { benchApi, formatApiBench } from './bench-api.ts';
import { benchScale, formatScaleBench } from './bench-scale.ts';

const SHARED = new URL('../../shared/', import.meta.url);
const TARGET_BYTES = Number(process.env.BENCH_BYTES ?? 5 * 1024 * 1024);
const json = process.argv.includes('--json');

function sourceTexts(): string[] {
  const seed = readFileSync(new URL('corpus/aleppo-2016.txt', SHARED), 'utf8');
  const rows = parse(readFileSync(new URL('data/acled-2020/dev.csv', SHARED)), { columns: true }) as { notes: string }[];
  // Group notes five at a time so that an "article" has the length of a short wire report.
  const articles = [seed];
  for (let i = 0; i < rows.length; i += 5) articles.push(rows.slice(i, i + 5).map((r) => r.notes).join('\n\n'));
  return articles;
}

function* corpus(texts: string[]): Generator<Article> {
  let bytes = 0;
  for (let i = 0; bytes < TARGET_BYTES; i++) {
    const text = texts[i % texts.length]!;
    bytes += Buffer.byteLength(text);
    yield { id: `bench-${i}`, origin: 'bench', title: null, text, url: null, source: 'bench', published: '2020-05-10', byline: null };
  }
}

let peakRss = process.memoryUsage().rss;
const sampleMemory = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

const texts = sourceTexts();
const resources = defaultResources();
const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;
const seconds = (from: bigint): number => Number(process.hrtime.bigint() - from) / 1e9;

/** The physical baseline: wink-nlp's tokenisation, sentence splitting and POS tagging, nothing else. */
function tagOnly(text: string): { tokens: number; sentences: number } {
  const doc = nlp.readDoc(text);
  const tags = doc.tokens().out(its.pos) as string[];
  const values = doc.tokens().out() as string[];
  // Line breaks are tokens in wink but not in sitrep's text stage: both sides count the same tokens.
  return { tokens: values.filter((v, k) => tags[k] !== 'SPACE' && v.trim() !== '').length, sentences: doc.sentences().length() };
}

for (const text of texts.slice(0, 50)) {
  codeArticle({ id: 'warm-up', origin: 'bench', title: null, text, url: null, source: null, published: '2020-05-10', byline: null }, resources);
  tagOnly(text);
}

// The two runs alternate article by article, so that a busy machine slows both alike and the ratio holds.
// The corpus repeats its texts, and a text read again finds its place names, dates and runs remembered: the first
// reading of each text is also timed apart, as the figure for a corpus of distinct articles.
const pipeline = { seconds: 0 };
const baseline = { seconds: 0 };
const firstReading = { pipeline: 0, baseline: 0 };
const read = new Set<string>(texts.slice(0, 50)); // the warm-up read these
let articles = 0, sentences = 0, tokens = 0, bytes = 0;
for (const article of corpus(texts)) {
  let started = process.hrtime.bigint();
  codeArticle(article, resources);
  const coded = seconds(started);
  pipeline.seconds += coded;
  started = process.hrtime.bigint();
  const counts = tagOnly(article.text);
  const tagged = seconds(started);
  baseline.seconds += tagged;
  if (!read.has(article.text)) {
    read.add(article.text);
    firstReading.pipeline += coded;
    firstReading.baseline += tagged;
  }
  articles++;
  tokens += counts.tokens;
  sentences += counts.sentences;
  bytes += Buffer.byteLength(article.text);
  if (articles % 200 === 0) sampleMemory();
}
sampleMemory();

const tokensPerS = tokens / pipeline.seconds;
const baselineTokensPerS = tokens / baseline.seconds;
const coding = {
  corpus_mb: Math.round((bytes / 1024 / 1024) * 100) / 100,
  articles,
  articles_per_s: Math.round(articles / pipeline.seconds),
  sentences_per_s: Math.round(sentences / pipeline.seconds),
  tokens_per_s: Math.round(tokensPerS),
  baseline_tokens_per_s: Math.round(baselineTokensPerS),
  ratio: Math.round((tokensPerS / baselineTokensPerS) * 1000) / 1000,
  // The same ratio over the first reading of each distinct text only (excluding the warm-up's 50).
  ratio_first_reading: Math.round((firstReading.baseline / firstReading.pipeline) * 1000) / 1000,
  // Measured over the coding runs only: the store and API parts below hold their own data.
  peak_rss_mb: Math.round(peakRss / 1024 / 1024),
  threads: 1,
};
if (!json) {
  process.stdout.write([
    `sitrep benchmark (single thread, ${coding.corpus_mb} MB, ${coding.articles} articles)`,
    `  pipeline          ${coding.articles_per_s} articles/s, ${coding.sentences_per_s} sentences/s, ${coding.tokens_per_s} tokens/s`,
    `  baseline          ${coding.baseline_tokens_per_s} tokens/s (wink-nlp tokenisation + POS tagging alone)`,
    `  ratio             ${coding.ratio} (pipeline / baseline); ${coding.ratio_first_reading} over the first reading of each distinct text`,
    `  peak memory       ${coding.peak_rss_mb} MB RSS`,
    '',
  ].join('\n'));
}

// The other parts each take a while; `--coding-only` stops here.
if (process.argv.includes('--coding-only')) {
  if (json) process.stdout.write(`${JSON.stringify(coding)}\n`);
} else {
  const gazetteer = await benchGazetteer();
  if (!json) process.stdout.write(formatGazetteerBench(gazetteer));
  const store = await benchStore();
  if (!json) process.stdout.write(formatStoreBench(store));
  const api = await benchApi({ db: store.db });
  if (!json) process.stdout.write(formatApiBench(api));
  const scale = await benchScale();
  if (!json) process.stdout.write(formatScaleBench(scale));
  if (json) process.stdout.write(`${JSON.stringify({ ...coding, gazetteer, store, api, ...scale })}\n`);
}
