/** A piece of the article text that names something, with its offsets. */
export interface Span {
  start: number;
  end: number;
  text: string;
  /** Index of the sentence the span lies in. */
  sentence: number;
}

/** ACLED actor types, used as interaction codes (inter1/inter2). 0 = no actor. */
export type InterCode = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export type ActorKind =
  | 'state' // 1 State forces
  | 'rebel' // 2 Rebel groups
  | 'political_militia' // 3 Political militias
  | 'identity_militia' // 4 Identity militias
  | 'rioters' // 5
  | 'protesters' // 6
  | 'civilians' // 7
  | 'external'; // 8 External/other forces (international bodies, private security, ...)

/** A normalised actor, as of the date of the article. */
export interface ResolvedActor {
  /** Stable identifier across renamings, e.g. `hts` for al-Nusra Front / Fatah al-Sham / HTS. */
  id: string;
  /** Name valid on the event date, in ACLED style ("Military Forces of Syria (2000-)", "Protesters (Yemen)"). */
  name: string;
  kind: ActorKind;
  inter: InterCode;
  /** Country the actor belongs to (English short name), null for international actors. */
  country: string | null;
}

export interface ActorMention extends Span {
  kind: 'actor';
  actor: ResolvedActor;
  /** Built from a pattern ("Yemeni police", "protesters") rather than a named dictionary entry. */
  generic: boolean;
  /** A loaded word ("terrorists", "militants") that stands for an actor; its name is never taken from the text. */
  loaded: boolean;
}

export interface PlaceMention extends Span {
  kind: 'place';
  /** Normalised form used to look the name up in the gazetteer. */
  key: string;
}

export interface DateMention extends Span {
  kind: 'date';
  /** Resolved calendar date, `YYYY-MM-DD`. */
  date: string;
  /** ACLED time precision: 1 = day, 2 = week, 3 = month or coarser. */
  precision: 1 | 2 | 3;
}

/** How a casualty number was read: an exact figure, a vague quantity mapped by rule, or no number at all. */
export type CountBasis = 'exact' | 'vague' | 'unknown';

export interface CasualtyMention extends Span {
  kind: 'casualty';
  outcome: 'killed' | 'injured' | 'casualties';
  count: number;
  basis: CountBasis;
  /** Which documented rule produced `count` ("tens → 10", "range 5-7 → 5", ...). */
  rule: string;
  /**
   * Which claimant of its sentence gives the figure, when one sentence quotes two ("the group claimed 35, while
   * officials said 7"): 1 for the second, and so on. Absent (or 0) for the sentence's first or only claimant.
   */
  voice?: number;
}

/** A demonym or country word the text uses ("Syrian", "Yemeni"), with the country it points to. */
export interface CountryWord {
  start: number;
  end: number;
  /** The country's name as the gazetteer has it (ACLED's). */
  country: string;
}

export type Mention = ActorMention | PlaceMention | DateMention | CasualtyMention;
