import type Database from 'better-sqlite3';

/** The names of a place's country and divisions, null where the gazetteer has none. */
export interface DivisionNamesOf {
  country: string | null;
  admin1: string | null;
  admin2: string | null;
}

interface CountryDivisions {
  admin1: Map<string, string>;
  admin2: Map<string, string>;
}

/**
 * The names of countries and divisions by their codes ("SY", "SY.09", "SY.09.1234"), read from the world base's tables
 * in memory: joining them into every look-up cost more than the look-up itself. Countries are read when opened; a
 * country's divisions when a place of that country is first asked about, so memory holds only the countries an
 * article stream names (all of them: about 5 MB).
 */
export class DivisionNames {
  private readonly countries: Map<string, string>;
  private readonly divisions = new Map<string, CountryDivisions>();
  private readonly admin1Of: Database.Statement;
  private readonly admin2Of: Database.Statement;

  constructor(db: Database.Database) {
    this.countries = new Map(db.prepare('SELECT code, name FROM main.countries').raw().all() as [string, string][]);
    // A country's codes all start with "XX.": the range up to "XX/" ('/' follows '.') reads them from the code index.
    this.admin1Of = db.prepare('SELECT code, name FROM main.admin1 WHERE code >= ? AND code < ?').raw();
    this.admin2Of = db.prepare('SELECT code, name FROM main.admin2 WHERE code >= ? AND code < ?').raw();
  }

  private of(countryCode: string): CountryDivisions {
    let known = this.divisions.get(countryCode);
    if (!known) {
      const range = [`${countryCode}.`, `${countryCode}/`];
      known = {
        admin1: new Map(this.admin1Of.all(...range) as [string, string][]),
        admin2: new Map(this.admin2Of.all(...range) as [string, string][]),
      };
      this.divisions.set(countryCode, known);
    }
    return known;
  }

  /** As the tables name them: a code missing a part names no division, as SQL's joins on the joined codes did. */
  namesOf(countryCode: string | null, admin1Code: string | null, admin2Code: string | null): DivisionNamesOf {
    if (countryCode === null) return { country: null, admin1: null, admin2: null };
    const country = this.countries.get(countryCode) ?? null;
    if (admin1Code === null) return { country, admin1: null, admin2: null };
    const divisions = this.of(countryCode);
    const admin1 = divisions.admin1.get(`${countryCode}.${admin1Code}`) ?? null;
    const admin2 = admin2Code === null ? null : divisions.admin2.get(`${countryCode}.${admin1Code}.${admin2Code}`) ?? null;
    return { country, admin1, admin2 };
  }
}
