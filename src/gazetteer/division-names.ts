import type Database from 'better-sqlite3';

/** The names of a place's country and first-level division, null where the gazetteer has none. */
export interface DivisionNamesOf {
  country: string | null;
  admin1: string | null;
  /** The first-level division as "country code.admin1 code" ("SY.09"), when the tables name it. */
  division: string | null;
}

const NO_DIVISION: DivisionNamesOf = Object.freeze({ country: null, admin1: null, division: null });

/** One country's answers: its name alone (no admin1 code), and each admin1 code's, made once. */
interface CountryNames {
  none: DivisionNamesOf;
  byCode: Map<string, DivisionNamesOf>;
}

/**
 * The names of countries and first-level divisions by their codes ("SY", "SY.09"), read from the world base's tables
 * into memory when opened (about 4,000 names): joining them into every look-up cost more than the look-up itself.
 * Second-level divisions are ten times as many and stay in the base, joined to the places a look-up keeps.
 */
export class DivisionNames {
  private readonly countries: Map<string, string>;
  private readonly admin1: Map<string, string>;
  /**
   * Each pair of codes asked for is answered with one shared object, made the first time: every candidate row asks,
   * and joining the codes into a string per row cost more than the answer. Bounded by the codes the tables hold.
   */
  private readonly answers = new Map<string, CountryNames>();

  constructor(db: Database.Database) {
    this.countries = new Map(db.prepare('SELECT code, name FROM main.countries').raw().all() as [string, string][]);
    this.admin1 = new Map(db.prepare('SELECT code, name FROM main.admin1').raw().all() as [string, string][]);
  }

  /**
   * As the tables name them: a code missing a part names no division, as SQL's joins on the joined codes did. The
   * answer is shared (frozen): callers copy what they keep.
   */
  namesOf(countryCode: string | null, admin1Code: string | null): DivisionNamesOf {
    if (countryCode === null) return NO_DIVISION;
    let inCountry = this.answers.get(countryCode);
    if (!inCountry) {
      const none = Object.freeze({ country: this.countries.get(countryCode) ?? null, admin1: null, division: null });
      this.answers.set(countryCode, (inCountry = { none, byCode: new Map() }));
    }
    if (admin1Code === null) return inCountry.none;
    let answer = inCountry.byCode.get(admin1Code);
    if (!answer) {
      const division = `${countryCode}.${admin1Code}`;
      const admin1 = this.admin1.get(division) ?? null;
      answer = Object.freeze({ country: inCountry.none.country, admin1, division: admin1 !== null ? division : null });
      inCountry.byCode.set(admin1Code, answer);
    }
    return answer;
  }
}
