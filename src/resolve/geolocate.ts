import type { EventPlace } from './types.ts';
import type { FoundPlace } from '../mentions/find-places.ts';
import type { Gazetteer, PlaceCandidate } from '../gazetteer/open-gazetteer.ts';
import { distanceKm } from '../gazetteer/distance.ts';
import { roundDegrees } from '../gazetteer/round-degrees.ts';
import { neighbourhoodAt } from './neighbourhood-at.ts';
import { divisionKey, placeNameSkeleton, withoutDivisionWord } from '../gazetteer/place-name-key.ts';

export interface GeolocationHints {
  /** Countries of the actors named in the article (strongest first), for disambiguation. */
  countries: string[];
  /** The reporting outlet, when known. */
  source: string | null;
}

/** A place mention with the candidate chosen for it, and why. */
export interface ResolvedPlace {
  mention: FoundPlace;
  place: PlaceCandidate;
  score: number;
  confidence: number;
  reason: string;
  /** Only names the container of another mention ("(Kismaayo, Lower Juba)"). */
  container: boolean;
  /** Written with a place that contains it ("Celaya, Guanajuato"): the text itself says where it is. */
  anchored: boolean;
  /** Set when the event is placed at this place for another's sake (a city for the districts listed). */
  precision?: 1 | 2 | 3;
  /**
   * The mention that names the place, when that is not `mention` (a city placed for the districts listed);
   * null when the text does not name it: then no span of the text is offered as the place's evidence.
   */
  namedBy?: FoundPlace | null;
}

export interface Geolocation {
  /** The article's dominant country (English short name as in ACLED), or null. */
  country: string | null;
  places: ResolvedPlace[];
  /**
   * Every mention resolved, in text order, also those the events do not trust (a weak guess in another country than
   * the article's, a place far from all the others): what `sitrep places` reports.
   */
  resolved: ResolvedPlace[];
  /** The place of an event whose predicate is at `offset` in sentence `sentence`; null when nothing is known. */
  placeFor(sentence: number, offset: number): EventPlace | null;
}

/** How much a candidate's kind says before any context: the analysts' own places first, then divisions, then towns by size. */
function baseScore(c: PlaceCandidate): number {
  switch (c.kind) {
    case 'local': return 4;
    case 'country': return 3;
    case 'admin1': return 2.5;
    case 'admin2': return 1.5;
    case 'site': return 0.5;
    default: return Math.log10(c.population + 1) / 2;
  }
}

const HINT_FITS: Record<string, (c: PlaceCandidate) => boolean> = {
  division: (c) => c.kind === 'admin1' || c.kind === 'admin2',
  district: (c) => c.kind === 'admin2' || c.kind === 'local',
  settlement: (c) => c.kind === 'populated' || c.kind === 'local',
  site: (c) => c.kind === 'site' || c.kind === 'local',
};

/**
 * A candidate's names folded as division names (divisionKey: without the words GeoNames writes around them, "Province
 * du Soum" is "soum"), each folded when first needed (most candidates are never asked) and remembered with the
 * candidate: containment asks them for every pair of candidates, and the gazetteer hands out the same candidate
 * objects article after article.
 */
class FoldedNames {
  // Undefined: not folded yet.
  private nameKey: string | undefined = undefined;
  private admin1Key: string | null | undefined = undefined;
  private admin2Key: string | null | undefined = undefined;
  private countryKey: string | null | undefined = undefined;
  private namedForDivision: boolean | undefined = undefined;

  constructor(private readonly c: PlaceCandidate) {}

  /** A town that gives its name to its division ("Idlib" in Idlib governorate): its key names its admin1 or admin2. */
  get namesItsDivision(): boolean {
    return this.namedForDivision ??= namesDivision(this.admin1, this.c.key) || namesDivision(this.admin2, this.c.key);
  }

  get name(): string {
    return this.nameKey ??= divisionKey(this.c.name);
  }

  get admin1(): string | null {
    if (this.admin1Key === undefined) this.admin1Key = this.c.admin1 === null ? null : divisionKey(this.c.admin1);
    return this.admin1Key;
  }

  get admin2(): string | null {
    if (this.admin2Key === undefined) this.admin2Key = this.c.admin2 === null ? null : divisionKey(this.c.admin2);
    return this.admin2Key;
  }

  get country(): string | null {
    if (this.countryKey === undefined) this.countryKey = this.c.country === null ? null : divisionKey(this.c.country);
    return this.countryKey;
  }
}

const foldedNames = new WeakMap<PlaceCandidate, FoldedNames>();

function foldedNamesOf(c: PlaceCandidate): FoldedNames {
  let names = foldedNames.get(c);
  if (!names) {
    names = new FoldedNames(c);
    foldedNames.set(c, names);
  }
  return names;
}

/** Whether a candidate (by its folded names) sits in a division (or country) of this key. */
function inDivisionNamed(names: FoldedNames, key: string): boolean {
  return namesDivision(names.admin1, key) || namesDivision(names.admin2, key) || namesDivision(names.country, key);
}

/** A division name, folded (divisionKey), matches this key. */
function namesDivision(folded: string | null, key: string): boolean {
  return folded !== null && sameDivision(folded, key);
}

/** Kilometres along a meridian per degree of latitude (rounded down), the least a degree of latitude apart can be. */
const KM_PER_DEGREE_LATITUDE = 111.19;

/**
 * Whether two points lie within `km` of each other (distanceKm). Most pairs asked lie far apart, which their
 * latitudes alone tell without trigonometry (with a kilometre to spare for rounding).
 */
function withinKm(lat1: number, lon1: number, lat2: number, lon2: number, km: number): boolean {
  if (Math.abs(lat1 - lat2) * KM_PER_DEGREE_LATITUDE > km + 1) return false;
  return distanceKm(lat1, lon1, lat2, lon2) <= km;
}

/** A place this near a bigger town of the same name context is read as in it (its suburbs and villages). */
const NEAR_KM = 25;

/** Division names match with or without a word more ("Idlib" and "Idlib Governorate"). */
function sameDivision(a: string, b: string): boolean {
  return a === b || startsWithWord(a, b) || startsWithWord(b, a);
}

/** `text` starts with `word` and a space (without building that string). */
function startsWithWord(text: string, word: string): boolean {
  return text.length > word.length && text.charCodeAt(word.length) === 32 && text.startsWith(word);
}

/** Whether `container` contains `place`, given the folded names of each (`own`, `its`). */
function contains(container: PlaceCandidate, own: FoldedNames, place: PlaceCandidate, its: FoldedNames, memo: ArticleMemo): boolean {
  if (container.id === place.id) return false;
  if (container.kind === 'country') return container.countryCode === place.countryCode;
  if (container.kind === 'admin1' || container.kind === 'admin2') {
    return container.countryCode === place.countryCode && inDivisionNamed(its, own.name);
  }
  if ((container.kind === 'populated' || container.kind === 'site') && container.countryCode === place.countryCode && place.kind !== 'local') {
    // "Kafr Takharim in Idleb": a town that gives its name to its division stands for the division.
    if (own.namesItsDivision) {
      const key = container.key;
      if (namesDivision(its.admin1, key) || namesDivision(its.admin2, key)) return true;
    }
    // "Jacarezinho neighbourhood, Rio de Janeiro": a place in a town's outskirts.
    if (container.population > place.population && container.lat !== null && container.lon !== null && place.lat !== null && place.lon !== null
      && withinKm(container.lat, container.lon, place.lat, place.lon, NEAR_KM)) return true;
  }
  // A town contains the local places whose parent it is (the only containment across countries: containedBy).
  if (place.parentId === null) return false;
  const chain = memo.ancestry(place);
  for (let i = 1; i < chain.length; i++) if (chain[i]!.key === container.key) return true;
  return false;
}

/**
 * What geolocating one article asks again and again, each asked once: a local place's ancestry (containment, the
 * local layer's test, the places listed in a sentence), and which places the article's names may mean by their own
 * spelling.
 */
class ArticleMemo {
  private readonly chains = new Map<PlaceCandidate, PlaceCandidate[]>();
  private readonly containerNames = new Map<FoundPlace, (FoldedNames | undefined)[]>();
  private namedIds: Set<number> | null = null;

  constructor(readonly gazetteer: Gazetteer, private readonly mentions: FoundPlace[]) {}

  /**
   * The folded names of a written container's candidates, in their order, each filled in when containment first asks
   * for it (a candidate of another country than the place asked about is never asked): containment asks for them for
   * every candidate of every mention written inside the container.
   */
  containerFoldedNames(container: FoundPlace): (FoldedNames | undefined)[] {
    let names = this.containerNames.get(container);
    if (!names) {
      names = new Array<FoldedNames | undefined>(container.candidates.length);
      this.containerNames.set(container, names);
    }
    return names;
  }

  /** The places (from the place itself up) that contain a local place, by parent links. */
  ancestry(c: PlaceCandidate): PlaceCandidate[] {
    let chain = this.chains.get(c);
    if (!chain) {
      chain = ancestry(c, this.gazetteer);
      this.chains.set(c, chain);
    }
    return chain;
  }

  /** Whether a place lies in the place of this id, by parent links. */
  within(c: PlaceCandidate, id: number): boolean {
    const chain = this.ancestry(c);
    for (let i = 1; i < chain.length; i++) if (chain[i]!.id === id) return true;
    return false;
  }

  /**
   * Whether a place is one the article's names may mean by their own spelling (a city named anywhere in it); the
   * set is gathered when first asked: only the local layer's parts of cities ask.
   */
  named(id: number): boolean {
    if (!this.namedIds) {
      const named = new Set<number>();
      for (const m of this.mentions) if (!m.partial) for (const c of m.candidates) if (c.exact) named.add(c.id);
      this.namedIds = named;
    }
    return this.namedIds.has(id);
  }
}

interface Context {
  /** Share of the article's evidence for each country. */
  countries: Map<string, number>;
  /** No country has any evidence yet. */
  unknownCountry: boolean;
  /** Share of the article's confidently placed names in each first-level division ("SY.09"). */
  divisions: Map<string, number>;
}

/** The score a candidate's kind and name give, whatever the article says. */
function ownScore(c: PlaceCandidate, mention: FoundPlace, largestTown: number): number {
  let s = baseScore(c);
  if (!c.exact) {
    s -= 1.5;
  } else if (c.key === mention.key && !(c.kind === 'populated' && c.population * BIGGER_NAMESAKE < largestTown)) {
    // Its own name, not one of its alternate names; unless a far bigger town is known by it (Odessa, Texas and
    // Odesa, Ukraine): the English name of a big city is often only an alternate name in GeoNames.
    s += 1.5;
  }
  return s;
}

/**
 * "Aleppo province", "Kharkiv region": a division word after a name is hard to mistake, and outweighs the size of
 * the city the division is named after; "province", "region", "state" name first-level divisions first. 0 when the
 * mention has no such word or the candidate is not of its kind.
 */
function hintScore(c: PlaceCandidate, mention: FoundPlace): number {
  if (!mention.hint || !HINT_FITS[mention.hint]?.(c)) return 0;
  return mention.hint !== 'division' ? 2.5 : c.kind === 'admin1' ? 5 : 3.5;
}

/** The share of the article's country evidence for a candidate's country. */
function countryShare(c: PlaceCandidate, context: Context): number {
  return c.country ? context.countries.get(c.country) ?? 0 : 0;
}

/**
 * How well candidate `i` of a prepared mention fits the mention and the article (`share`: countryShare); `why`, when
 * given, collects the reasons in words. The terms are added in this order, which the scores reported depend on.
 */
function score(prepared: Prepared, i: number, share: number, context: Context, why?: string[]): number {
  const c = prepared.mention.candidates[i]!;
  let s = prepared.own[i]!;
  if (why && !c.exact) why.push('spelling variant');
  if (share > 0) {
    s += 4 * share;
    why?.push(`in ${c.country}, the article's country`);
  }
  if ((prepared.flags[i]! & INSIDE) !== 0) {
    s += 6;
    why?.push('inside the place named with it');
  }
  const division = c.division;
  const near = division && context.divisions.size > 0 ? context.divisions.get(division) ?? 0 : 0;
  if (near > 0 && c.kind !== 'admin1' && c.kind !== 'country') {
    s += 2 * near;
    why?.push('in the same province as the article\'s other places');
  }
  const hint = prepared.hint ? prepared.hint[i]! : 0;
  if (hint !== 0) {
    s += hint;
    why?.push(`a ${c.kind === 'local' ? c.localKind ?? 'local place' : c.kind}, as the text says`);
  }
  return s;
}

/** A town this many times bigger than a namesake outweighs the namesake's spelling being its own name. */
const BIGGER_NAMESAKE = 5;

/**
 * A part of a city in the local layer (a neighbourhood, a landmark: "al-'Arqoub", "Sulaymaniyah") is that part only in
 * an article that names its city: the same names are towns and quarters elsewhere ("Sulaymaniyah city" in Iraq). A
 * subdistrict of the Syrian layer, only in an article about its country. Whether the article's country is known is for
 * the choice to say (LOCAL_IN_COUNTRY).
 */
function localPart(c: PlaceCandidate, memo: ArticleMemo): number {
  if (c.kind !== 'local' || c.localKind === 'city' || c.localKind === 'governorate') return LOCAL_BELIEVED;
  if (c.localKind === 'subdistrict') return LOCAL_IN_COUNTRY;
  const chain = memo.ancestry(c);
  for (let i = 1; i < chain.length; i++) if (memo.named(chain[i]!.id)) return LOCAL_BELIEVED;
  return LOCAL_DOUBTED;
}

/** A name missing inside its written container is looked for there by a skeleton of at least this many letters. */
const RESCUE_SKELETON = 4;

/** A skeleton this long is distinctive enough to stand alone when it matches a single place. */
const SOLE_SKELETON_LENGTH = 8;

/** Below this share of the article's country evidence, a name found only by its skeleton is not trusted. */
const SKELETON_COUNTRY_SHARE = 0.2;

/** Found by its own spelling, as a whole name, and not a small place known by that word only as an alternate name ("Bat" for Bath). */
function strongMatch(c: PlaceCandidate, mention: FoundPlace): boolean {
  return c.exact && !mention.partial
    && !(c.kind === 'populated' && c.population < 100_000 && !mention.text.includes(' ') && c.key !== mention.key);
}

/** Inside a place written as the mention's container ("Balet Weyne (Balet Weyne, Hiraan)"). */
function inWrittenContainer(c: PlaceCandidate, containers: FoundPlace[], memo: ArticleMemo): boolean {
  for (const m of containers) if (containedBy(m, c, memo)) return true;
  return false;
}

/** Whether one of a written container's candidates contains this candidate. */
function containedBy(container: FoundPlace, c: PlaceCandidate, memo: ArticleMemo): boolean {
  const candidates = container.candidates;
  const own = memo.containerFoldedNames(container);
  // The candidate's own folded names, looked up once, when a container candidate first needs them.
  let its: FoldedNames | null = null;
  for (let i = 0; i < candidates.length; i++) {
    const k = candidates[i]!;
    // Without a parent, a place is contained only by candidates of its own country (see contains).
    if (c.parentId === null && k.countryCode !== c.countryCode) continue;
    if (contains(k, (own[i] ??= foldedNamesOf(k)), c, (its ??= foldedNamesOf(c)), memo)) return true;
  }
  return false;
}

/** A city that dwarfs its namesakes ("Quamishli": Al Qamishli, not a Russian village). */
function dominantCity(c: PlaceCandidate, candidates: PlaceCandidate[], largest: number): boolean {
  return c.kind === 'populated' && c.population >= 100_000 && c.population === largest
    && candidates.every((o) => o === c || o.population * 10 <= c.population);
}

/**
 * With nothing known of the article's country, a long transliteration skeleton that only one place in the
 * world has ("Svitlodarsk" ~ Svetlodarsk) is that place (asked of a mention with one candidate, found by its skeleton).
 */
function soleInWorld(mention: FoundPlace, unknownCountry: boolean): boolean {
  return unknownCountry && placeNameSkeleton(mention.text).length >= SOLE_SKELETON_LENGTH;
}

/** The local layer's test of a candidate (localPart): believed, believed inside the article's country, not believed. */
const LOCAL_BELIEVED = 0;
const LOCAL_IN_COUNTRY = 1;
const LOCAL_DOUBTED = 2;

/** What a prepared candidate's flags say (bits): the local layer's test takes the lowest two. */
const LOCAL_BITS = 3;
const INSIDE = 4;
const VOUCHED = 8;
const SOLE = 16;

/**
 * What choosing among a mention's candidates needs that the article's evidence does not change, per candidate: worked
 * out once and read by both passes of choose.
 */
interface Prepared {
  mention: FoundPlace;
  /**
   * The local layer's test (LOCAL_BITS: LOCAL_BELIEVED, LOCAL_IN_COUNTRY or LOCAL_DOUBTED), and bits: INSIDE a place
   * written as the mention's container; VOUCHED, believed whatever the article's country (a strong match, inside
   * its container, a city that dwarfs its namesakes); SOLE, the one candidate, found by its skeleton only, believed
   * while no country is known when the skeleton is long (soleInWorld).
   */
  flags: number[];
  /** The score its name and kind give (ownScore). */
  own: number[];
  /** What the feature word written with the mention adds (hintScore); null when the mention has none. */
  hint: number[] | null;
  /** Some candidate is INSIDE. */
  anyInside: boolean;
}

function prepare(mention: FoundPlace, containers: FoundPlace[], memo: ArticleMemo): Prepared {
  const candidates = mention.candidates;
  let largest = 0;
  let largestTown = 0;
  for (const c of candidates) {
    largest = Math.max(largest, c.population);
    if (c.exact && c.kind === 'populated') largestTown = Math.max(largestTown, c.population);
  }
  const n = candidates.length;
  const flags = new Array<number>(n);
  const own = new Array<number>(n);
  const hint = mention.hint ? new Array<number>(n) : null;
  let anyInside = false;
  for (let i = 0; i < n; i++) {
    const c = candidates[i]!;
    const inside = containers.length > 0 && inWrittenContainer(c, containers, memo);
    const vouched = mention.partial ? inside : strongMatch(c, mention) || inside || dominantCity(c, candidates, largest);
    flags[i] = localPart(c, memo) | (inside ? INSIDE : 0) | (vouched ? VOUCHED : 0) | (n === 1 && !c.exact ? SOLE : 0);
    anyInside ||= inside;
    own[i] = ownScore(c, mention, largestTown);
    if (hint) hint[i] = hintScore(c, mention);
  }
  return { mention, flags, own, hint, anyInside };
}

/** The candidate a mention most likely means, or null; `explain` puts the reasons in words (for the places kept). */
function choose(prepared: Prepared, context: Context, explain: boolean) {
  // A transliteration skeleton matches too many names worldwide to stand on its own: it is only believed
  // inside a country the article is already known to be about (SKELETON_COUNTRY_SHARE). So is a name that is only
  // part of a longer unknown name ("Salim" of "Abu Salim"), or a small place known by that word only as an
  // alternate name (strongMatch). A variant spelling is also believed inside the place written as its container,
  // and for a city that dwarfs its namesakes.
  // A piece of a longer name the gazetteer does not know ("Issa" of "Ein Issa", "Mine" of "Karbonit Mine") is
  // that other place, not this one, unless the text writes it inside this one's container.
  const mention = prepared.mention;
  const candidates = mention.candidates;
  // The best believable candidate, and the margin by which it beats the next (the first of equals wins).
  let best = -1;
  let bestShare = 0;
  let bestScore = -Infinity;
  let nextScore = -Infinity;
  let believable = 0;
  for (let i = 0; i < candidates.length; i++) {
    const flags = prepared.flags[i]!;
    const local = flags & LOCAL_BITS;
    if (local === LOCAL_DOUBTED) continue;
    const c = candidates[i]!;
    const share = countryShare(c, context);
    const inCountry = share >= SKELETON_COUNTRY_SHARE;
    const believed = (mention.partial
      ? (flags & INSIDE) !== 0
      : (flags & VOUCHED) !== 0 || inCountry || ((flags & SOLE) !== 0 && soleInWorld(mention, context.unknownCountry)))
      && (local === LOCAL_BELIEVED || inCountry);
    if (!believed) continue;
    believable++;
    const s = score(prepared, i, share, context);
    if (s > bestScore) {
      nextScore = bestScore;
      best = i;
      bestShare = share;
      bestScore = s;
    } else if (s > nextScore) nextScore = s;
  }
  if (best < 0) return null;
  const place = candidates[best]!;
  const margin = believable > 1 ? bestScore - nextScore : 3;
  const confidence = Math.round(Math.min(0.95, 0.5 + margin / 8 + (place.exact ? 0.1 : 0)) * 100) / 100;
  let reason = '';
  if (explain) {
    const why: string[] = [];
    score(prepared, best, bestShare, context, why);
    const others = believable - 1;
    reason = `"${mention.text}" → ${place.name}${place.country ? `, ${place.country}` : ''} (${place.kind === 'local' ? 'local gazetteer' : place.kind})`
      + (why.length ? `: ${why.join('; ')}` : '') + (others ? `; chosen over ${others} other place${others > 1 ? 's' : ''} of that name` : '');
  }
  return { place, score: bestScore, confidence, reason, anchored: (prepared.flags[best]! & INSIDE) !== 0 };
}

/** How much a name found only in one country says the article is about that country. */
function countryEvidence(c: PlaceCandidate): number {
  switch (c.kind) {
    case 'country': return 2;
    case 'admin1': case 'admin2': case 'local': return 1.5;
    default: return c.population >= 100_000 ? 1 : c.population >= 10_000 ? 0.75 : 0.4;
  }
}

function vote(weights: Map<string, number>, key: string | null, weight: number): void {
  if (key) weights.set(key, (weights.get(key) ?? 0) + weight);
}

function normalised(weights: Map<string, number>): Map<string, number> {
  let total = 0;
  for (const v of weights.values()) total += v;
  const shares = new Map<string, number>();
  for (const [k, v] of weights) shares.set(k, total ? v / total : 0);
  return shares;
}

/** The evidence of countries as the choice reads it. */
function contextOf(countries: Map<string, number>, divisions: Map<string, number>): Context {
  let unknownCountry = true;
  for (const share of countries.values()) if (share !== 0) unknownCountry = false;
  return { countries, unknownCountry, divisions };
}

/**
 * The one country all of a name's places (found by its spelling) lie in, and how much the name says for it;
 * null when they lie in several. A country's name is that country, whatever villages share it ("India" is also
 * a hamlet in Guatemala).
 */
function countrySaid(mention: FoundPlace): { country: string | null; weight: number } | null {
  let nation: PlaceCandidate | null = null;
  let nations = 0;
  for (const c of mention.candidates) {
    if (c.exact && c.kind === 'country') {
      nation = c;
      nations++;
    }
  }
  if (nation && nations === 1) return { country: nation.country, weight: countryEvidence(nation) };
  let found: { country: string | null; weight: number } | null = null;
  for (const c of mention.candidates) {
    if (!c.exact) continue;
    if (!found) found = { country: c.country, weight: countryEvidence(c) };
    else if (found.country !== c.country) return null;
    else found.weight = Math.max(found.weight, countryEvidence(c));
  }
  return found;
}

/**
 * ACLED's precision: 1 the place itself, 2 a containing or nearby place, 3 only a province or the country. The local
 * layer's governorates count as provinces, its subdistricts as districts.
 */
export function precisionOf(c: PlaceCandidate, ownPoint: boolean): 1 | 2 | 3 {
  if (c.kind === 'country' || c.kind === 'admin1' || c.localKind === 'governorate') return 3;
  if (c.kind === 'admin2' || c.localKind === 'subdistrict' || !ownPoint) return 2;
  return 1;
}

/** A local place without coordinates stands at its parent's point. */
export function pointOf(c: PlaceCandidate, gazetteer: Gazetteer): { lat: number; lon: number; own: boolean } | null {
  if (c.lat !== null && c.lon !== null) return { lat: c.lat, lon: c.lon, own: true };
  let parent = c.parentId !== null ? gazetteer.place(c.parentId) : null;
  for (let depth = 0; parent && depth < 5; depth++) {
    if (parent.lat !== null && parent.lon !== null) return { lat: parent.lat, lon: parent.lon, own: false };
    parent = parent.parentId !== null ? gazetteer.place(parent.parentId) : null;
  }
  return null;
}

/**
 * The name an event's place is given: a town in the article's own spelling when that is one of the
 * town's names ("Azaz" rather than GeoNames' "I‘zāz"); the gazetteer's name for divisions and the analysts' places.
 */
function locationName(resolved: ResolvedPlace): string {
  const c = resolved.place;
  const text = resolved.mention.text;
  const ownSpelling = (c.kind === 'populated' || c.kind === 'site') && c.exact && /^[\p{Script=Latin}\s'’\-.]+$/u.test(text);
  return ownSpelling ? text : c.name;
}

/**
 * A place finer than a city (a neighbourhood, a landmark, a village in its outskirts) standing at its own point: only
 * such a point says which neighbourhood an event is in. An event placed at a city's or a division's point (Aleppo's
 * centre lies in Sheikh Abu Bakr) is in the city, in no neighbourhood in particular.
 */
function withinCity(c: PlaceCandidate, ownPoint: boolean): boolean {
  if (!ownPoint) return false;
  if (c.kind === 'local') return c.localKind !== 'city' && c.localKind !== 'governorate' && c.localKind !== 'subdistrict';
  return (c.kind === 'populated' && c.population < CITY_POPULATION) || c.kind === 'site';
}

function eventPlace(resolved: ResolvedPlace, gazetteer: Gazetteer, how: string): EventPlace | null {
  const c = resolved.place;
  const point = pointOf(c, gazetteer);
  if (!point) return null;
  const namedBy = resolved.namedBy === undefined ? resolved.mention : resolved.namedBy;
  return {
    location: locationName(resolved),
    country: c.country,
    admin1: c.kind === 'country' ? null : c.admin1,
    admin2: c.kind === 'country' || c.kind === 'admin1' ? null : c.admin2,
    latitude: roundDegrees(point.lat),
    longitude: roundDegrees(point.lon),
    geo_precision: resolved.precision ?? precisionOf(c, point.own),
    reason: `${how}; ${resolved.reason}${point.own ? '' : '; no coordinates of its own: placed at its parent'}`,
    confidence: resolved.confidence,
    span: namedBy ? { start: namedBy.start, end: namedBy.end, text: namedBy.text } : null,
    neighbourhood: withinCity(c, point.own) ? neighbourhoodAt(point.lat, point.lon) : null,
  };
}

/** Most specific first: precision 1 before 2 before 3, the analysts' own places first and countries last within each. */
function specificity(r: ResolvedPlace): number {
  const c = r.place;
  const own = c.lat !== null;
  return precisionOf(c, own) * 10 - (c.kind === 'local' ? 1 : 0) + (c.kind === 'country' ? 1 : 0);
}

/** How many places a sentence must list before the event is placed at what contains them all. */
const LISTED_PLACES = 3;

/** The places (from the place itself up) that contain a local place, by parent links. */
function ancestry(c: PlaceCandidate, gazetteer: Gazetteer): PlaceCandidate[] {
  const chain = [c];
  let parent = c.parentId !== null ? gazetteer.place(c.parentId) : null;
  for (let depth = 0; parent && depth < 5; depth++) {
    chain.push(parent);
    parent = parent.parentId !== null ? gazetteer.place(parent.parentId) : null;
  }
  return chain;
}

/**
 * "Strikes on positions in Salahuddin, Sheikh Saeed, Karam al-Taraf and Old Aleppo": when a sentence lists
 * several places of one city, the event is the city's, at precision 2, not the one listed nearest the verb.
 */
function commonParent(listed: ResolvedPlace[], memo: ArticleMemo): ResolvedPlace | null {
  if (listed.length < LISTED_PLACES) return null;
  const distinct = [...new Map(listed.map((p) => [p.place.id, p])).values()];
  if (distinct.length < LISTED_PLACES) return null;
  // A city listed with its own districts ("Aleppo, including Seyed Ali and al-Sweiqeh") is their common place.
  const chains = distinct.map((p) => memo.ancestry(p.place));
  const shared = chains[0]!.find((a) => chains.every((chain) => chain.some((c) => c.id === a.id)));
  if (!shared) return null;
  const first = distinct[0]!;
  return {
    ...first,
    place: shared,
    container: false,
    reason: `${distinct.length} places of ${shared.name} listed (${distinct.map((p) => p.mention.text).join(', ')})`,
    precision: 2,
    // The evidence of the place is a mention of the city itself, not of the first district listed.
    namedBy: listed.find((p) => p.place.id === shared.id)?.mention ?? null,
  };
}

/** A town this big is a city: its own name written in the text is hard to mistake. */
const CITY_POPULATION = 100_000;

/** The mentions written as a mention's containers, but for pieces of longer names ("Hassan" of "Hassan Dabouq"). */
function containersOf(mention: FoundPlace, mentions: FoundPlace[]): FoundPlace[] {
  if (mention.containers.length === 0) return NO_MENTIONS;
  const containers: FoundPlace[] = [];
  for (const i of mention.containers) if (!mentions[i]!.partial) containers.push(mentions[i]!);
  return containers;
}

const NO_MENTIONS: FoundPlace[] = [];
const NO_CANDIDATES: PlaceCandidate[] = [];

/**
 * The places of a name found by its spelling and by its skeleton that lie inside its written containers: one entry
 * per place, in the order the places first appear, the skeleton's entry when both found it.
 */
function insideContainers(spelled: PlaceCandidate[], variants: PlaceCandidate[], containers: FoundPlace[], memo: ArticleMemo): PlaceCandidate[] {
  const byId = new Map<number, PlaceCandidate>();
  for (const c of spelled) byId.set(c.id, c);
  for (const c of variants) byId.set(c.id, c);
  const inside: PlaceCandidate[] = [];
  for (const c of byId.values()) if (inWrittenContainer(c, containers, memo)) inside.push(c);
  return inside;
}

/** A city of the mention's own name, in a country none of the divisions written with it lies in. */
function cityDespiteDivisions(c: PlaceCandidate, mention: FoundPlace, divisions: FoundPlace[]): boolean {
  return c.kind === 'populated' && c.exact && !mention.partial && c.population >= CITY_POPULATION
    && c.key === mention.key && !divisions.some((k) => k.candidates.some((d) => d.countryCode === c.countryCode));
}

/** Farther than this from every other place of the article, an ambiguous name's choice is doubted. */
const FAR_KM = 300;

/**
 * The article's places hang together: taken best first, a place is kept when it lies near one already
 * kept, or when its name left no doubt. A far-off namesake ("Camargo" in Chihuahua, in a report from
 * Celaya, Guanajuato) or a place in another country than all the others is more likely a wrong choice,
 * or a word, than where the event happened.
 */
function withoutOutliers(places: ResolvedPlace[]): ResolvedPlace[] {
  const located = places.filter((p) => p.place.kind !== 'country' && p.place.lat !== null && p.place.lon !== null);
  const accepted: ResolvedPlace[] = [];
  const doubted = new Set<ResolvedPlace>();
  for (const p of located.sort((a, b) => b.score - a.score)) {
    const near = accepted.length === 0 || accepted.some((q) => withinKm(q.place.lat!, q.place.lon!, p.place.lat!, p.place.lon!, FAR_KM));
    const sameCountry = accepted.length === 0 || accepted.some((q) => q.place.countryCode === p.place.countryCode);
    const unambiguous = p.mention.candidates.length === 1 && p.confidence >= 0.9;
    if (near || p.container || (sameCountry && unambiguous)) accepted.push(p);
    else doubted.add(p);
  }
  return doubted.size === 0 ? places : places.filter((p) => !doubted.has(p));
}

/** Near a place the sentence writes with its container (anchored), or a district, or anchored itself. */
function nearAnchors(p: ResolvedPlace, anchors: ResolvedPlace[]): boolean {
  return p.anchored || p.place.kind === 'admin2' || anchors.some((a) => a.place.lat !== null && a.place.lon !== null
    && p.place.lat !== null && p.place.lon !== null && withinKm(a.place.lat, a.place.lon, p.place.lat, p.place.lon, NEAR_KM));
}

/** The place of a sentence's places that an event whose predicate is at `offset` happened at. */
function pickPlace(list: ResolvedPlace[], offset: number, memo: ArticleMemo): ResolvedPlace | undefined {
  // The one place of a sentence is its place, container or not (what the rest of this comes to for one place).
  if (list.length === 1) return list[0];
  const candidates = list.filter((p) => !p.container);
  // "In Celaya, Guanajuato, police found two bodies in Colonia Tepeyac": when the sentence writes a place
  // with its container, a name it does not anchor that lies away from it (a namesake of a neighbourhood the
  // gazetteer lacks, a town of the same name elsewhere) is not where the event is.
  const anchors = candidates.filter((p) => p.anchored);
  const settled = anchors.length ? candidates.filter((p) => nearAnchors(p, anchors)) : candidates;
  // Sorted in place but for the sentence's own list (`settled` is a list of its own).
  const pool = settled.length ? settled : [...list];
  const ranked = pool.sort((a, b) => specificity(a) - specificity(b) || Math.abs(a.mention.start - offset) - Math.abs(b.mention.start - offset));
  const best = ranked[0];
  // "Strongholds in Salahuddin district ... the southern districts of Aleppo": a district named with its city is
  // finer than the city even when the gazetteer has no point for it; it stands at the city's point.
  return best && (ranked.find((p) => p !== best && memo.within(p.place, best.place.id)) ?? best);
}

/**
 * The divisions a name written with a division word ("Saada province") stands for, added to its candidates: the
 * first- or second-level division its towns of that name are named after (Sa'dah city → Sa'dah governorate).
 */
function withNamedDivisions(m: FoundPlace, gazetteer: Gazetteer): FoundPlace {
  if (m.candidates.some((c) => c.exact && (c.kind === 'admin1' || c.kind === 'admin2'))) return m;
  const added: PlaceCandidate[] = [];
  for (const c of m.candidates) {
    if (!c.exact || c.kind !== 'populated') continue;
    for (const [division, kind] of [[c.admin1, 'admin1'], [c.admin2, 'admin2']] as const) {
      const folded = kind === 'admin1' ? foldedNamesOf(c).admin1 : foldedNamesOf(c).admin2;
      if (!division || !(namesDivision(folded, m.key) || namesDivision(folded, c.key))) continue;
      for (const d of gazetteer.lookup(division)) {
        if (d.kind === kind && d.countryCode === c.countryCode && !added.some((a) => a.id === d.id)) added.push({ ...d, exact: true });
      }
    }
  }
  return added.length ? { ...m, candidates: [...added, ...m.candidates] } : m;
}

/**
 * The containment rule: a name written inside a division ("the Sahar district of Saada province") that none of its
 * places lies in is a place the gazetteer does not know there. The event then stands at that division, at the
 * division's precision, and never at a namesake outside it (Saḩar in Sanaa governorate).
 */
function containerFallback(m: FoundPlace, containers: FoundPlace[], context: Context, memo: ArticleMemo): ReturnType<typeof choose> {
  for (const container of containers) {
    const divisions = { ...container, candidates: container.candidates.filter((c) => c.kind === 'admin1' || c.kind === 'admin2' || c.kind === 'country') };
    const choice = choose(prepare(divisions, NO_MENTIONS, memo), context, true);
    if (!choice) continue;
    return { ...choice, reason: `"${m.text}" is not known inside ${container.text}: placed at ${choice.place.name}, the division the text puts it in; ${choice.reason}` };
  }
  return null;
}

/**
 * Chooses for each place named in an article (as findPlaces found them) the gazetteer entry it most likely means, and
 * says where each event happened. A name is resolved by what it is (a division, a town of some size, a
 * place of the analysts' own layer), by the article's country (its actors and its other places), by the
 * places written as its containers ("Celaya, Guanajuato", "Sheikh Saeed district of Aleppo") and by the
 * feature word with it ("Idlib province").
 */
export function geolocate(found: FoundPlace[], gazetteer: Gazetteer, hints: GeolocationHints): Geolocation {
  // "Saada province", "Kharkiv region": a name written as a division means the division, also when the gazetteer
  // finds only the town it is named after under that spelling.
  const mentions = found.map((m) => (m.hint === 'division' ? withNamedDivisions(m, gazetteer) : m));
  const memo = new ArticleMemo(gazetteer, mentions);
  const weights = new Map<string, number>();
  hints.countries.slice(0, 2).forEach((c, i) => vote(weights, c, i === 0 ? 1.5 : 0.75));
  // A name says which country it is in when all its places are in one; once per name however often it is
  // repeated, and by how much the name weighs (a country or a division more than a village called "Congress").
  const voted = new Set<string>();
  for (const m of mentions) {
    if (voted.has(m.key)) continue;
    const said = countrySaid(m);
    if (!said) continue;
    voted.add(m.key);
    vote(weights, said.country, said.weight);
  }

  // Two passes: a first choice per name gives the article's country and provinces, which then settle the
  // ambiguous names. A name found only by a spelling variant counts too: it was only chosen where the article's
  // country or its container vouched for it, or where it was the one place with that long a skeleton.
  // A piece of a longer name ("Hassan" of "Hassan Dabouq", a person) written after a place is not its container.
  const firstContext = contextOf(normalised(weights), new Map());
  const divisions = new Map<string, number>();
  const writtenContainers = mentions.map((m) => containersOf(m, mentions));
  const prepared = mentions.map((m, index) => prepare(m, writtenContainers[index]!, memo));
  for (const p of prepared) {
    const choice = choose(p, firstContext, false);
    if (!choice) continue;
    vote(weights, choice.place.country, choice.confidence);
    if (choice.confidence >= 0.6) vote(divisions, choice.place.division, choice.confidence);
  }
  const context = contextOf(normalised(weights), normalised(divisions));
  // The country of the largest share, the first named of equals.
  let country: string | null = null;
  let topShare = -Infinity;
  for (const [name, share] of context.countries) {
    if (share > topShare) {
      country = name;
      topShare = share;
    }
  }

  const containerIndices = new Set<number>();
  const places: ResolvedPlace[] = [];
  // The mention index of each place resolved.
  const mentionOf: number[] = [];
  const settled = new Map<string, NonNullable<ReturnType<typeof choose>>>();
  mentions.forEach((written, index) => {
    let m = written;
    let mentionPrepared = prepared[index]!;
    const writtenWith = writtenContainers[index]!;
    const containers = writtenWith.length === 0 ? writtenWith
      : writtenWith.filter((c) => c.candidates.some((k) => k.kind === 'admin1' || k.kind === 'admin2' || k.kind === 'country'));
    // Written inside divisions none of its namesakes lies in ("Tieba (Bankass, Mopti)" for a Tieba in China):
    // the gazetteer does not know this place, and the event falls back to its containers. But a city of its own
    // name written with divisions known only in other countries ("Brasilia, Distrito Federal", Venezuela's
    // Distrito Federal) stands: the divisions' names are the doubtful ones.
    // Unless it is there under another spelling: "Poonch district, J&K" is GeoNames' Punch, while the gazetteer's
    // Poonch District lies across the line of control.
    let fallback: ReturnType<typeof choose> = null;
    if (containers.length > 0 && !m.candidates.some((c) => cityDespiteDivisions(c, m, containers))
      && !(containers.length === writtenWith.length ? mentionPrepared.anyInside : m.candidates.some((c) => inWrittenContainer(c, containers, memo)))) {
      // "Hays city (Al Hudaydah)": the name without its feature word, by its spelling or its skeleton.
      const bare = withoutDivisionWord(m.text);
      // A skeleton of three letters ("Pepe" ~ Papaya) finds some village inside most provinces.
      const variants = placeNameSkeleton(bare).length >= RESCUE_SKELETON ? gazetteer.variants(bare) : NO_CANDIDATES;
      const inside = insideContainers(bare !== m.text ? gazetteer.lookup(bare) : NO_CANDIDATES, variants, containers, memo);
      if (inside.length > 0) {
        m = { ...m, candidates: inside };
        mentionPrepared = prepare(m, writtenWith, memo);
      } else {
        fallback = containerFallback(m, containers, context, memo);
        if (!fallback) return;
      }
    }
    // Only asked when a name was settled by its container, or is being settled now.
    const nameKey = containers.length > 0 || settled.size > 0 ? divisionKey(m.text) : '';
    const sameName = containers.length === 0 ? settled.get(nameKey) : undefined;
    const choice = sameName ?? fallback ?? choose(mentionPrepared, context, true);
    if (!choice) return;
    // "In Castilla, Piura, ... outside the Castilla Municipality offices": a name the text once wrote with its
    // container means the same place when written again without it.
    if (containers.length > 0 && !settled.has(nameKey)) {
      settled.set(nameKey, { ...choice, reason: `${choice.reason}; as written with ${containers.map((c) => c.text).join(', ')}` });
    }
    for (const i of m.containers) if (containedBy(mentions[i]!, choice.place, memo)) containerIndices.add(i);
    const place: ResolvedPlace = {
      mention: m, place: choice.place, score: choice.score, confidence: choice.confidence, reason: choice.reason, anchored: choice.anchored, container: false,
    };
    mentionOf.push(index);
    places.push(place);
  });
  for (const [i, p] of places.entries()) if (containerIndices.has(mentionOf[i]!)) p.container = true;
  // A weak guess on a name in another country than the article's is more likely a word than a place.
  const kept = withoutOutliers(places.filter((p) => p.place.country === country || (p.score >= 3 && p.confidence >= 0.7)));

  const main = [...kept].filter((p) => !p.container).sort((a, b) => specificity(a) - specificity(b))[0] ?? kept[0] ?? null;

  // Events ask sentence by sentence: the kept places of each sentence are gathered once, and the place that
  // contains all those a sentence lists is found once per sentence.
  const inSentence = new Map<number, ResolvedPlace[]>();
  for (const p of kept) {
    const list = inSentence.get(p.mention.sentence);
    if (list) list.push(p);
    else inSentence.set(p.mention.sentence, [p]);
  }
  const listedIn = new Map<number, ResolvedPlace | null>();

  return {
    country,
    places: kept,
    resolved: places,
    placeFor(sentence: number, offset: number): EventPlace | null {
      const own = inSentence.get(sentence) ?? NO_PLACES;
      const listed = listedAt(sentence, own, listedIn, memo);
      if (listed) return eventPlace(listed, gazetteer, 'several places of it named in the sentence of the event');
      const here = pickPlace(own, offset, memo);
      if (here) return eventPlace(here, gazetteer, 'named in the sentence of the event');
      for (let s = sentence - 1; s >= 0; s--) {
        const there = inSentence.get(s);
        if (!there) continue;
        const earlier = listedAt(s, there, listedIn, memo) ?? pickPlace(there, offset, memo);
        if (earlier) return eventPlace(earlier, gazetteer, 'named in an earlier sentence about the event');
      }
      if (main) return eventPlace(main, gazetteer, "the article's main place");
      return null;
    },
  };
}

const NO_PLACES: ResolvedPlace[] = [];

/** The place that contains all those a sentence lists (commonParent), found once per sentence (`found`). */
function listedAt(sentence: number, own: ResolvedPlace[], found: Map<number, ResolvedPlace | null>, memo: ArticleMemo): ResolvedPlace | null {
  let listed = found.get(sentence);
  if (listed === undefined) {
    listed = commonParent(own.filter((p) => !p.container), memo);
    found.set(sentence, listed);
  }
  return listed;
}
