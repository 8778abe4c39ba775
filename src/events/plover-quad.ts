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
