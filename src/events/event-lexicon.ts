import { z } from 'zod';
import { dataFile, readDataFile, readOptionalDataFile } from '../read-data-file.ts';
import { ACLED_EVENT_TYPES, PLOVER_EVENT_TYPES } from './event-schema.ts';
import { PLOVER_MODES } from './plover-quad.ts';
import type { EventCode } from './types.ts';

const CodeSchema = z.object({
  event_type: z.enum(ACLED_EVENT_TYPES).nullable(),
  sub_event_type: z.string().min(1).nullable(),
  plover: z.enum(PLOVER_EVENT_TYPES),
  mode: z.string().nullable(),
  weight: z.number().int().min(0).max(100),
  role: z.enum(['event', 'outcome', 'modifier']),
  instrument: z.boolean().default(false),
}).refine((code) => (code.event_type === null) === (code.sub_event_type === null), {
  message: 'event_type and sub_event_type are both null (a PLOVER-only code) or both set',
}).refine((code) => code.mode === null || PLOVER_MODES[code.plover].includes(code.mode), {
  message: "mode must be one of the PLOVER manual's modes of the code's category (src/events/plover-quad.ts)",
  path: ['mode'],
});

const CodesFileSchema = z.object({ codes: z.record(z.string(), CodeSchema) });

const SwitchSchema = z.object({
  words: z.array(z.string()).min(1),
  code: z.string(),
  /** Look only after the phrase: "captured fighters" is an abduction, "fighters captured a town" is not. */
  after: z.boolean().default(false),
  /** Tokens to look at for this switch's words, when they may stand further off than the phrase's other lists. */
  window: z.number().int().positive().optional(),
});

const TriggerSchema = z.object({
  code: z.string(),
  phrases: z.array(z.string()).min(1),
  when_near: z.array(SwitchSchema).optional(),
  unless_near: z.array(z.string()).optional(),
  only_near: z.array(z.string()).optional(),
  window: z.number().int().positive().optional(),
});

const TriggersFileSchema = z.object({ triggers: z.array(TriggerSchema) });

/** The PLOVER categories with no ACLED counterpart keep their codes and phrases together in one file. */
const PloverFileSchema = z.object({ codes: z.record(z.string(), CodeSchema), triggers: z.array(TriggerSchema) });

/** A phrase of the lexicon, split into the lower-cased words it must match in order. */
export interface TriggerPhrase {
  words: string[];
  code: EventCode;
  whenNear: { words: Set<string>; code: EventCode; after: boolean; window: number }[];
  unlessNear: Set<string>;
  /** The phrase reports the event only with one of these words near ("set up" … "base"); empty: always. */
  onlyNear: Set<string>;
  window: number;
  /** The widest window of the phrase's lists (a switch may look further than `window`). */
  scanWindow: number;
  /**
   * Every word of the lists above when there are two lists or more (else null): one scan of the window for them
   * passes over the many places where none stands near, instead of one scan per list.
   */
  nearWords: Set<string> | null;
}

export interface EventLexicon {
  codes: Map<string, EventCode>;
  /** Phrases indexed by their first word, longest first, so the first match is the longest. */
  byFirstWord: Map<string, TriggerPhrase[]>;
}

const DEFAULT_DIR = dataFile('lexicons/');

/**
 * Loads and validates the event lexicon (codes + triggers, and the PLOVER-only codes and triggers of
 * plover-triggers.yaml when the directory has that file). Errors name the file and the field.
 */
export function loadEventLexicon(dir: URL = DEFAULT_DIR): EventLexicon {
  const codesFile = new URL('event-codes.yaml', dir);
  const triggersFile = new URL('event-triggers.yaml', dir);
  const ploverFile = new URL('plover-triggers.yaml', dir);
  const codesData = readDataFile(codesFile, CodesFileSchema);
  const triggersData = readDataFile(triggersFile, TriggersFileSchema);
  const ploverData = readOptionalDataFile(ploverFile, PloverFileSchema);

  const codes = new Map<string, EventCode>();
  const allCodes = [...Object.entries(codesData.codes), ...Object.entries(ploverData?.codes ?? {})];
  for (const [name, code] of allCodes) {
    if (codes.has(name)) throw new Error(`${ploverFile.pathname}: codes.${name}: already defined in ${codesFile.pathname}`);
    codes.set(name, { name, ...code });
  }
  const sources = [{ file: triggersFile, triggers: triggersData.triggers }, { file: ploverFile, triggers: ploverData?.triggers ?? [] }];
  const byFirstWord = new Map<string, TriggerPhrase[]>();
  for (const { file, triggers } of sources) addTriggers(byFirstWord, triggers, file, codes);
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { codes, byFirstWord };
}

function addTriggers(byFirstWord: Map<string, TriggerPhrase[]>, triggers: z.infer<typeof TriggerSchema>[], file: URL, codes: Map<string, EventCode>): void {
  const codeNamed = (name: string, where: string): EventCode => {
    const code = codes.get(name);
    if (!code) throw new Error(`${file.pathname}: ${where}: unknown event code "${name}"`);
    return code;
  };
  triggers.forEach((trigger, index) => {
    const where = `triggers.${index}`;
    const code = codeNamed(trigger.code, `${where}.code`);
    const window = trigger.window ?? 8;
    const whenNear = (trigger.when_near ?? []).map((s, i) => ({
      words: new Set(s.words.map((w) => w.toLowerCase())),
      code: codeNamed(s.code, `${where}.when_near.${i}.code`),
      after: s.after,
      window: s.window ?? window,
    }));
    const scanWindow = Math.max(window, ...whenNear.map((s) => s.window));
    const unlessNear = new Set((trigger.unless_near ?? []).map((w) => w.toLowerCase()));
    const onlyNear = new Set((trigger.only_near ?? []).map((w) => w.toLowerCase()));
    const lists = [...whenNear.map((s) => s.words), unlessNear, onlyNear].filter((words) => words.size > 0);
    const nearWords = lists.length >= 2 ? new Set(lists.flatMap((words) => [...words])) : null;
    for (const phrase of trigger.phrases) {
      for (const words of spellings(phrase)) {
        const first = words[0];
        if (!first) continue;
        const list = byFirstWord.get(first) ?? [];
        list.push({ words, code, whenNear, unlessNear, onlyNear, window, scanWindow, nearWords });
        byFirstWord.set(first, list);
      }
    }
  });
}

/**
 * The token sequences a phrase can arrive as. The tokenizer keeps some hyphenated words whole
 * ("counter-attack") and splits others ("shoot - out"), so a hyphenated phrase matches either way.
 */
export function spellings(phrase: string): string[][] {
  const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.some((w) => w.length > 1 && w.includes('-'))) return [words];
  return [words, words.flatMap((w) => (w.length > 1 ? w.split(/(-)/).filter(Boolean) : [w]))];
}
