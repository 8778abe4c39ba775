import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { articlePlaces } from '../pipeline.ts';
import { distanceKm } from '../gazetteer/distance.ts';

/** A place mention counts as found when its span overlaps the gold span and its point lies this near the gold point (100 miles, as geoparsing corpora score). */
export const MENTION_KM = 161;

const GoldPlace = z.object({ text: z.string().min(1), lat: z.number(), lon: z.number() });
const GoldSentence = z.object({ text: z.string().min(1), places: z.array(GoldPlace), notPlaces: z.array(z.string()).optional() });
const GoldFile = z.object({ about: z.string().optional(), sentences: z.array(GoldSentence) });

export interface MentionFigures {
  gold: number;
  predicted: number;
  /** Share of gold mentions found (span overlap) and placed within MENTION_KM. */
  recall: number;
  /** Share of predicted mentions that overlap a gold mention and lie within MENTION_KM of it. */
  precision: number;
  /** Gold mentions not found, and predicted mentions that match no gold one, for reading. */
  missed: string[];
  spurious: string[];
}

/** Scores `sitrep places` on a file of annotated sentences (test/fixtures/place-mentions.json is one). */
export function evaluatePlaceMentions(file: string): MentionFigures {
  const parsed = GoldFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: field ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
  }
  let gold = 0;
  let predicted = 0;
  let found = 0;
  let right = 0;
  const missed: string[] = [];
  const spurious: string[] = [];
  parsed.data.sentences.forEach((sentence, index) => {
    const records = articlePlaces({
      id: `s${index}`, origin: file, title: null, text: sentence.text, url: null, source: null, published: null, byline: null,
    });
    const spans = sentence.places.map((p) => {
      const start = sentence.text.indexOf(p.text);
      if (start < 0) throw new Error(`${file}: sentence ${index}: "${p.text}" is not in its text`);
      return { ...p, start, end: start + p.text.length };
    });
    const matches = (r: (typeof records)[number], g: (typeof spans)[number]): boolean =>
      r.start < g.end && g.start < r.end && r.latitude !== null && r.longitude !== null
      && distanceKm(r.latitude, r.longitude, g.lat, g.lon) <= MENTION_KM;
    gold += spans.length;
    predicted += records.length;
    for (const g of spans) {
      if (records.some((r) => matches(r, g))) found++;
      else missed.push(`${g.text} (sentence ${index})`);
    }
    for (const r of records) {
      if (spans.some((g) => matches(r, g))) right++;
      else spurious.push(`${r.text} → ${r.name} (sentence ${index})`);
    }
  });
  const share = (a: number, b: number): number => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);
  return { gold, predicted, recall: share(found, gold), precision: share(right, predicted), missed, spurious };
}
