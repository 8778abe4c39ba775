import type Database from 'better-sqlite3';

/** The names of a place's country and first-level division, null where the gazetteer has none. */
export interface DivisionNamesOf {
  country: string | null;
  admin1: string | null;
}

/**
 * The names of countries and first-level divisions by their codes ("SY", "SY.09"), read from the world base's tables
 * into memory when opened (about 4,000 names): joining them into every look-up cost more than the look-up itself.
 * Second-level divisions are ten times as many and stay in the base, joined to the places a look-up keeps.
 */
export class DivisionNames {
  private readonly countries: Map<string, string>;
  private readonly admin1: Map<string, string>;

  constructor(db: Database.Database) {
    this.countries = new Map(db.prepare('SELECT code, name FROM main.countries').raw().all() as [string, string][]);
    this.admin1 = new Map(db.prepare('SELECT code, name FROM main.admin1').raw().all() as [string, string][]);
  }

  /** As the tables name them: a code missing a part names no division, as SQL's joins on the joined codes did. */
  namesOf(countryCode: string | null, admin1Code: string | null): DivisionNamesOf {
    if (countryCode === null) return { country: null, admin1: null };
    return {
      country: this.countries.get(countryCode) ?? null,
      admin1: admin1Code === null ? null : this.admin1.get(`${countryCode}.${admin1Code}`) ?? null,
    };
  }
}
