import { z } from 'zod';
import { dataFile, readDataFile } from '../read-data-file.ts';

/** What the words around a name say about it: "Idlib province", "Salahuddin district", "the town of X". */
export type PlaceHint = 'division' | 'district' | 'settlement' | 'site' | null;

const Words = z.array(z.string().min(1));

const PlaceWordsFileSchema = z.object({
  articles: Words,
  joiners: Words,
  feature_words: z.record(z.string().min(1), z.enum(['division', 'district', 'settlement', 'site']).nullable()),
  function_words: Words,
  not_alone: Words,
  joiners_also_names: Words,
  division_features: Words,
  settlement_cues: Words,
  preposition_cues: Words,
  not_name_words: Words,
});

/** The words (lower case) that shape how place names are read in text: data/lexicons/place-words.yaml. */
export interface PlaceWords {
  articles: Set<string>;
  joiners: Set<string>;
  /** Feature words ("province", "airport") and the kind of place each says a name is. */
  features: Map<string, PlaceHint>;
  functionWords: Set<string>;
  notAlone: Set<string>;
  /** Words that join the words of one name ("Qasr Bin Ghashir", "Jabal al-Zawiya"); "of" rather separates two names. */
  nameInternal: Set<string>;
  /** Joiners that are names of their own when capitalised ("Beni"). */
  joinersAlsoNames: Set<string>;
  /** Feature words of administrative divisions ("district", "woreda"). */
  divisionFeatures: Set<string>;
  /** Cues before a lower-case settlement name, each a list of words ("village of"). */
  settlementCues: string[][];
  /** Prepositions before a lower-case name of weight ("in", "near"). */
  prepositionCues: Set<string>;
  /** Lower-case words that never start a place name after a cue. */
  notNameWords: Set<string>;
}

const DEFAULT_FILE = dataFile('lexicons/place-words.yaml');

/** Loads and validates the place words; an error names the file and the field. */
export function loadPlaceWords(file: URL = DEFAULT_FILE): PlaceWords {
  const data = readDataFile(file, PlaceWordsFileSchema);
  const lower = (words: string[]): Set<string> => new Set(words.map((w) => w.toLowerCase()));
  const articles = lower(data.articles);
  const joiners = lower(data.joiners);
  return {
    articles,
    joiners,
    features: new Map(Object.entries(data.feature_words).map(([word, hint]) => [word.toLowerCase(), hint])),
    functionWords: lower(data.function_words),
    notAlone: lower(data.not_alone),
    nameInternal: new Set([...joiners, ...articles].filter((w) => w !== 'of')),
    joinersAlsoNames: lower(data.joiners_also_names),
    divisionFeatures: lower(data.division_features),
    settlementCues: data.settlement_cues.map((cue) => cue.toLowerCase().split(/\s+/)),
    prepositionCues: lower(data.preposition_cues),
    notNameWords: lower(data.not_name_words),
  };
}
