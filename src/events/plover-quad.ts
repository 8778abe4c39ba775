import type { PloverEventType, PloverQuad } from './event-schema.ts';

/**
 * The quad category of each PLOVER event type, from the PLOVER manual's table "Quad categories in PLOVER"
 * (openeventdata/PLOVER, CC BY-SA 4.0). The manual's own pages disagree on SANCTION (its table lists it with
 * verbal conflict, its SANCTION section and its summary table with material conflict); the two that agree win.
 */
export const QUAD_OF: Readonly<Record<PloverEventType, PloverQuad>> = {
  AGREE: 'Verbal cooperation',
  CONSULT: 'Verbal cooperation',
  SUPPORT: 'Verbal cooperation',
  CONCEDE: 'Verbal cooperation',
  COOPERATE: 'Material cooperation',
  AID: 'Material cooperation',
  RETREAT: 'Material cooperation',
  REQUEST: 'Verbal conflict',
  ACCUSE: 'Verbal conflict',
  REJECT: 'Verbal conflict',
  THREATEN: 'Verbal conflict',
  PROTEST: 'Material conflict',
  SANCTION: 'Material conflict',
  MOBILIZE: 'Material conflict',
  COERCE: 'Material conflict',
  ASSAULT: 'Material conflict',
};

/**
 * The modes the manual defines for each category (its "modes" tables); a category without a table has none.
 * The event lexicon refuses a code whose mode is not its category's.
 */
export const PLOVER_MODES: Readonly<Record<PloverEventType, readonly string[]>> = {
  AGREE: [],
  CONSULT: ['visit', 'third-party', 'multilateral', 'phone'],
  SUPPORT: [],
  CONCEDE: [],
  COOPERATE: [],
  AID: [],
  RETREAT: ['withdraw', 'release', 'disarm', 'ceasefire', 'access', 'resign'],
  REQUEST: ['assist', 'change', 'yield', 'meet'],
  ACCUSE: ['disapprove', 'investigate', 'allege'],
  REJECT: ['assist', 'change', 'yield', 'meet'],
  THREATEN: ['restrict', 'arrest', 'relations', 'expel', 'territory', 'violence'],
  PROTEST: ['demo', 'riot', 'strike', 'hunger', 'boycott', 'obstruct', 'vandalize'],
  SANCTION: ['convict', 'expel', 'withdraw', 'discontinue'],
  MOBILIZE: ['troops', 'weapons', 'police', 'militia'],
  COERCE: ['seize', 'restrict', 'censor', 'curfew', 'martial-law', 'arrest', 'deport', 'withhold', 'misinformation', 'cyber'],
  ASSAULT: ['abduct', 'beat', 'torture', 'sexual', 'targeted', 'destroy', 'primitive', 'firearms', 'explosives', 'suicide-attack',
    'aerial', 'drone', 'heavy-weapons', 'crowd-control', 'unconventional'],
};
