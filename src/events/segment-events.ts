import { z } from 'zod';
import { dataFile, readDataFile } from '../read-data-file.ts';
import type { Sentence } from '../text/types.ts';
import { byFirstWord, normalsAt } from '../text/normals-at.ts';
import type { TriggerMatch } from './types.ts';

/**
 * Whether a sentence reports an event of its own or goes on telling the one before. A report often tells several
 * events: a second attack in another town, a protest in a second city, a separate killing. Each is its own event.
 */

const SegmentationFileSchema = z.object({
  sentence_markers: z.array(z.string().min(1)),
  event_markers: z.array(z.string().min(1)),
  background_markers: z.array(z.string().min(1)),
});

export interface SegmentationLexicon {
  sentenceMarkers: string[][];
  eventMarkers: string[][];
  backgroundMarkers: string[][];
}

const LEXICON_FILE = dataFile('lexicons/event-segmentation.yaml');

/** Loads and validates the segmentation lexicon; an error names the file and the field. */
export function loadSegmentationLexicon(file: URL = LEXICON_FILE): SegmentationLexicon {
  const data = readDataFile(file, SegmentationFileSchema);
  const words = (list: string[]): string[][] => list.map((p) => p.toLowerCase().split(/\s+/).filter(Boolean));
  return {
    sentenceMarkers: words(data.sentence_markers),
    eventMarkers: words(data.event_markers),
    backgroundMarkers: words(data.background_markers),
  };
}

function markerJustBefore(sentence: Sentence, firstToken: number, markers: string[][]): boolean {
  const index = byFirstWord(markers);
  for (let i = Math.max(0, firstToken - 5); i < firstToken; i++) {
    for (const marker of index.startingWith(sentence.tokens[i]?.normal)) {
      // "Another three were wounded" counts more victims of the same event.
      const counts = sentence.tokens[i + marker.length]?.pos === 'NUM';
      if (normalsAt(sentence.tokens, i, marker) && !counts && firstToken - (i + marker.length) <= 2) return true;
    }
  }
  return false;
}

/** "… after weeks of fighting", "… during clashes": the event word is background to another event of the sentence. */
export function isBackground(sentence: Sentence, trigger: TriggerMatch, lexicon: SegmentationLexicon): boolean {
  return markerJustBefore(sentence, trigger.firstToken, lexicon.backgroundMarkers);
}

/** The sentence says its event is another one: "Separately, ...", "another attack", "a second protest". */
export function marksNewEvent(sentence: Sentence, event: TriggerMatch, lexicon: SegmentationLexicon): boolean {
  const { tokens } = sentence;
  const sentenceMarkers = byFirstWord(lexicon.sentenceMarkers);
  for (let i = 0; i < event.firstToken; i++) {
    for (const marker of sentenceMarkers.startingWith(tokens[i]?.normal)) if (normalsAt(tokens, i, marker)) return true;
  }
  return markerJustBefore(sentence, event.firstToken, lexicon.eventMarkers);
}

/**
 * A sentence opens an event of its own, though it would otherwise go on telling the `previous` one: it says so
 * ("Separately", "another attack"), or it names a place for its event other than the one the previous event's
 * sentence named ("... in Khartoum. In Omdurman, another crowd ...").
 */
export function opensNewEvent(
  sentence: Sentence,
  event: TriggerMatch,
  previous: TriggerMatch,
  placeNamed: (sentence: number, offset: number) => string | null,
  lexicon: SegmentationLexicon,
): boolean {
  if (marksNewEvent(sentence, event, lexicon)) return true;
  const here = placeNamed(sentence.index, event.start);
  if (here === null) return false;
  const there = placeNamed(previous.sentence, previous.start);
  return there !== null && here !== there;
}
