// `npm run build:actors`: converts PETRARCH2's actor dictionaries (../shared/data/petrarch2, MIT; the
// countries part derives from OEDA's CountryInfo, CC BY-SA 3.0) into data/actors/petrarch.json:
//   countries  ISO3 code, English name (GeoNames countryInfo), names and demonyms ("Syrian")
//   groups     non-state armed groups with their aliases, country and ACLED actor type
//   orgs       international organisations (ACLED type 8)
//   roles      generic role words (soldiers, police, rebels, civilians) from the agents dictionary
//
// PETRARCH format: `NAME_ [CODE]` starts an entry, `+ALIAS_` lines add synonyms, `[CODE >20070101]` or
// `[CODE 010101-050101]` bound a role in time, `#` starts a comment. Underscores join words.
import { readFileSync, writeFileSync } from 'node:fs';

const SHARED = new URL('../../shared/data/', import.meta.url);
const OUT = new URL('../data/actors/petrarch.json', import.meta.url);

export interface PetrarchEntry {
  name: string;
  codes: { code: string; from: string | null; until: string | null }[];
  aliases: string[];
  line: number;
}

/** "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_" → "ADEN ABYAN ISLAMIC ARMY (AAIA)" */
export function phraseOf(raw: string): string {
  return raw.replace(/!PERSON!/g, '').replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
}

/** PETRARCH's two-digit-year dates: `800101` is 1980-01-01, `000717` is 2000-07-17, `20070101` as written. */
export function petrarchDate(raw: string): string {
  if (raw.length === 8) return `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
  const yy = Number(raw.slice(0, 2));
  return `${yy >= 30 ? 1900 + yy : 2000 + yy}-${raw.slice(2, 4)}-${raw.slice(4, 6)}`;
}

/** `[SYRGOV 871101-000313]`, `[SYRGOV >000717]`, `[SYRGOV <000717]`, `[SYRREB]` */
export function parseCode(body: string): { code: string; from: string | null; until: string | null } | null {
  const match = /^\s*(~?[A-Z]+)\s*(?:(>|<)?(\d{6,8})(?:-(\d{6,8}))?)?\s*$/.exec(body);
  if (!match) return null;
  const [, code, sign, first, second] = match;
  if (!first) return { code: code!, from: null, until: null };
  if (second) return { code: code!, from: petrarchDate(first), until: petrarchDate(second) };
  return sign === '<' ? { code: code!, from: null, until: petrarchDate(first) } : { code: code!, from: petrarchDate(first), until: null };
}

/** Reads a PETRARCH .actors file into entries; role lines (`\t[CODE ...]`) attach to the entry above. */
export function parsePetrarch(text: string): PetrarchEntry[] {
  const entries: PetrarchEntry[] = [];
  let current: PetrarchEntry | null = null;
  text.split('\n').forEach((rawLine, index) => {
    const line = rawLine.replace(/#.*$/, '').trimEnd();
    if (!line.trim()) return;
    const codes = [...line.matchAll(/\[([^\]]*)\]/g)].map((m) => parseCode(m[1]!)).filter((c) => c !== null);
    const head = line.replace(/\[[^\]]*\]/g, '').trim();
    if (line.startsWith('+')) {
      if (current && head.length > 1) current.aliases.push(phraseOf(head.slice(1)));
      return;
    }
    if (!head && current) {
      current.codes.push(...codes);
      return;
    }
    if (!head) return;
    current = { name: phraseOf(head), codes, aliases: [], line: index + 1 };
    entries.push(current);
  });
  return entries;
}

function titleCase(phrase: string): string {
  return phrase.toLowerCase().replace(/(^|[\s\-(/])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase())
    .replace(/\b(Of|And|The|For|In|On|Al|El|Ul|Wal|Bin|De|Du|La|Le|Des)\b/g, (w, _g, offset: number) => (offset === 0 ? w : w.toLowerCase()));
}

function countryNames(): Map<string, string> {
  const names = new Map<string, string>();
  for (const line of readFileSync(new URL('geonames/countryInfo.txt', SHARED), 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (cols[1] && cols[4]) names.set(cols[1], cols[4]);
  }
  return names;
}

/**
 * A country's own names and demonyms, not its cities (PETRARCH lists both as synonyms): an alias is kept
 * when it shares its first four letters with the country's name ("SYRIAN", "SYRIE"), which the cities
 * almost never do. Demonyms that do not (British, Dutch) are added in data/actors/curated.yaml.
 */
function ownNames(country: string, aliases: string[]): string[] {
  const stem = country.toLowerCase().replace(/[^a-z]/g, '').slice(0, 4);
  return aliases.filter((a) => a.toLowerCase().replace(/[^a-z]/g, '').slice(0, 4) === stem && a.length >= 4);
}

const ACRONYM = /^[A-Z]{2,6}$/;
const ORG_WORDS = /\b(ORGANI[SZ]ATION|UNION|NATIONS|COUNCIL|COMMISSION|AGENCY|FUND|BANK|MISSION|ALLIANCE|COMMITTEE|CROSS|CRESCENT|COURT|PROGRAMME|PROGRAM|OFFICE|LEAGUE|TREATY|FORCE)\b/;

function groupKind(code: string): { kind: 'rebel' | 'political_militia'; inter: 2 | 3 } {
  return /REB|INS|MUS|ALQ|SEP/.test(code.slice(3)) ? { kind: 'rebel', inter: 2 } : { kind: 'political_militia', inter: 3 };
}

const ROLE_OF_AGENT: Record<string, string> = { MIL: 'military', COP: 'police', REB: 'loaded', INS: 'loaded', UAF: 'unidentified' };

/** Agents that are things or places, not people who act: weapons, vehicles, buildings, offices. */
const NOT_AN_ACTOR = /missile|aircraft|airliner|\bjet|carrier|helicopter|\btank|ship|apache|dragonfly|prison|jail|\bpost\b|check|district|bureau|department|agency|authority|institution|expert|bomb|rocket|weapon|vehicle|plane|drone|academy|school|ministry|budget|base\b|wing\b|\d/;

/** "police {}" is "police" and "polices"; "hit man {hit men}" is "hit man" and "hit men". */
export function agentPhrases(raw: string): string[] {
  const braces = /\{([^}]*)\}/.exec(raw);
  const base = raw.replace(/\{[^}]*\}/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
  if (!braces) return [base];
  const plural = braces[1]!.trim().toLowerCase();
  return [base, plural || (base.endsWith('s') ? base : `${base}s`)];
}

function build(): void {
  const names = countryNames();
  const read = (file: string): PetrarchEntry[] => parsePetrarch(readFileSync(new URL(`petrarch2/${file}`, SHARED), 'utf8'));

  const countries = read('Phoenix.Countries.actors.txt')
    .filter((e) => e.codes.length === 1 && /^[A-Z]{3}$/.test(e.codes[0]!.code) && names.has(e.codes[0]!.code))
    .map((e) => {
      const code = e.codes[0]!.code;
      const name = names.get(code)!;
      const aliases = [...new Set([name, e.name, ...ownNames(name, [e.name, ...e.aliases])].map((a) => titleCase(a)))];
      return { code, name, aliases };
    });

  const groups = read('Phoenix.MilNonState.actors.txt')
    .filter((e) => e.codes[0])
    .map((e) => {
      const code = e.codes[0]!.code;
      const iso = code.slice(0, 3);
      const name = titleCase(e.name);
      // "(AAIA)" in a name is the group's acronym: an alias of its own.
      const acronyms = [e.name, ...e.aliases].flatMap((a) => [...a.matchAll(/\(([A-Z0-9-]{2,8})\)/g)].map((m) => m[1]!));
      const aliases = [...new Set([e.name, ...e.aliases].map((a) => a.replace(/\s*\([^)]*\)\s*/g, ' ').trim()).filter((a) => a.length > 3))];
      return {
        id: `p2-${e.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`,
        name: name.replace(/\s*\(([A-Z0-9-]{2,8})\)$/i, ''),
        ...groupKind(code),
        country: names.get(iso) ?? null,
        aliases: [...aliases.map(titleCase), ...new Set(acronyms)],
      };
    });

  const orgs = read('Phoenix.International.actors.txt')
    // Organisations, not the people who led them: the name or an alias must read as an organisation ("NATO" via
    // "North Atlantic Treaty Organization").
    .filter((e) => e.codes.some((c) => /^(IGO|NGO)/.test(c.code))
      && (ORG_WORDS.test(e.name) || (ACRONYM.test(e.name) && e.aliases.some((a) => ORG_WORDS.test(a)))))
    .map((e) => ({
      id: `p2-${e.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`,
      name: ACRONYM.test(e.name) ? e.name : titleCase(e.name),
      kind: 'external' as const,
      inter: 8 as const,
      country: null,
      aliases: [...new Set([e.name, ...e.aliases].map(titleCase))],
    }));

  const roles: Record<string, string[]> = {};
  for (const e of read('Phoenix.agents.txt')) {
    const role = ROLE_OF_AGENT[e.codes[0]?.code.replace(/^~/, '').slice(0, 3) ?? ''];
    if (!role) continue;
    for (const phrase of [e.name, ...e.aliases].flatMap(agentPhrases)) {
      if (phrase.length > 3 && !phrase.includes('!') && !NOT_AN_ACTOR.test(phrase)) (roles[role] ??= []).push(phrase);
    }
  }
  for (const role of Object.keys(roles)) roles[role] = [...new Set(roles[role])].sort();

  const data = {
    about: 'Generated by scripts/build-actors.ts from PETRARCH2 (openeventdata/petrarch2, MIT); countries derive from OEDA CountryInfo (CC BY-SA 3.0) and GeoNames countryInfo (CC BY 4.0). Do not edit: edit data/actors/curated.yaml or rerun the script.',
    countries,
    groups,
    orgs,
    roles,
  };
  writeFileSync(OUT, `${JSON.stringify(data)}\n`);
  process.stdout.write(`data/actors/petrarch.json: ${countries.length} countries, ${groups.length} groups, ${orgs.length} organisations, ${Object.values(roles).flat().length} role words\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) build();
