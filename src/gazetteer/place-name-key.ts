/**
 * How place names are compared: one rule set applied to the gazetteer and to the text, so that the many
 * spellings a name reaches English news in meet. Two keys are made:
 *
 * `key` (folded spelling), for names that differ only in writing:
 *   1. accents and other diacritics removed (Ḥalab → Halab), lower case;
 *   2. apostrophes, hamza/ayn marks and backticks removed (Sa'id → Said, Ma`arrat → Maarrat);
 *   3. everything that is not a letter or digit becomes a word break (hyphens, dots, commas);
 *   4. Arabic articles al/el/ad/adh/ar/as/ash/at/ath/az/an (and ed/es/et/ez/er/en, ud/ul) written as a separate word are dropped
 *      (al-Sheikh Said → sheikh said, As Sabaa → sabaa);
 *   5. Arabic script is folded the same way: short vowels and other marks removed, the hamza forms of alef (أ إ آ ٱ)
 *      read as ا, ة as ه, ى as ي, and the article ال written onto a word dropped (الشيخ سعيد → شيخ سعيد);
 *   6. in a name of several words, the compass words of French, Spanish and Portuguese are read in English, as
 *      divisions reach English news in either form (Nord-Kivu → north kivu, Sud-Ouest → south west, Rio Grande do Sul),
 *      and the English adjectives as the nouns (Southern Kordofan → south kordofan).
 *      A one-word name ("Sur", a town) is left as it is.
 *
 * `skeleton` (transliteration-blind), for names written with other letters for the same sounds:
 *   7. digraphs and letters for one sound are merged: kh→k, gh→g, q→k, dh→d, th→t, ph→f, ck→k, c→k, z→s,
 *      w→u, p→b (Shaykh → shayk, Qusayr → kusayr, Pasha → basha);
 *   8. an h after a vowel is dropped, inside a word as at its end (Hajjah → Hajja; "Salah ud-Din" written as one
 *      word, Salahuddin → Salauddin, meets Salah ad-Deen): it is mostly a silent ta marbuta or a lengthening;
 *   9. every run of vowels (a e i o u y, and ou/ee/ai/ay alike) becomes one "a" (sheikh, shaykh → shak;
 *      saeed, said → sad; Qusayr, Kusair → kasar);
 *  10. doubled letters collapse and word breaks are removed;
 *  11. the name's final vowel is dropped when another is left (Salaheddine → salaheddin, Kobane and Kobani → kaban):
 *      final vowels are where English, French and German spellings of one name differ most.
 * So "Sheikh Saeed", "Shaykh Sa'id" and "al-Sheikh Said" share the skeleton "shaksad"; "Salahuddin", "Salaheddine"
 * and "Salah ad-Deen" share "saladan"; "Bostan al-Pasha" and "Bustan al-Basha" share "bastanbasha". A skeleton says
 * less than a key, so a match on it alone counts for less when choosing between places.
 */

import { BoundedMemo } from '../bounded-memo.ts';

const ARTICLES = new Set(['al', 'el', 'ad', 'adh', 'ar', 'as', 'ash', 'at', 'ath', 'az', 'an', 'ud', 'ul', 'ed', 'es', 'et', 'ez', 'er', 'en']);

/** Compass words of the languages divisions are often named in, as English writes them. */
const COMPASS = new Map(Object.entries({
  nord: 'north', norte: 'north', sud: 'south', sur: 'south', sul: 'south', est: 'east', este: 'east', leste: 'east', ouest: 'west', oeste: 'west',
  // "South Kordofan" and GeoNames' "Southern Kordofan", "Northern Bahr el Ghazal" and "North Bahr el Ghazal".
  northern: 'north', southern: 'south', eastern: 'east', western: 'west',
}));

/** Suffixes news and GeoNames add to division names: "Idlib Governorate" is also "Idlib". */
const DIVISION_WORDS = /\s+(governorate|province|region|state|district|department|prefecture|county|municipality|division|oblast|raion|rayon|wilaya|muhafazah|mohafazat|territory|zone|city|municipio|departamento|estado)['’]?$/i;

/**
 * Prefixes GeoNames writes before division names in the languages of their countries ("Province du Soum",
 * "Provincia de Jauja", "Partido de Vicente Lopez", "Municipio Arismendi"), which news leave out. A particle
 * ("de", "du", "of") is required after the word, so that "Distrito Federal" keeps its name.
 */
const DIVISION_PREFIX = /^(?:(?:province|provincia|provinsi|departamento|department|d[ée]partement|municipio|municipality|partido|distrito|district|commune|comuna|arrondissement|pr[ée]fecture|territoire|territory|cercle|r[ée]gion|region|wilaya|city|county|canton)\s+(?:of\s+(?:the\s+)?|de\s+la\s+|de\s+l['’]|de\s+|du\s+|des\s+|di\s+|del\s+|do\s+|da\s+|d['’])|(?:municipio|comuna|komuna\s+e)\s+)(?=\p{Lu})/iu;

/** The name without the division word written after it ("Poonch District" → "Poonch") or before it ("Province du Soum" → "Soum"). */
export function withoutDivisionWord(name: string): string {
  return name.replace(DIVISION_WORDS, '').replace(DIVISION_PREFIX, '');
}

/** The same names are folded again and again (candidates, containers, divisions): folding is remembered, boundedly. */
const folded = new BoundedMemo<string, string>(100_000);

const divisionKeys = new BoundedMemo<string, string>(20_000);

/** The memo's answer for the name, worked out and remembered when it has none. */
function remembered(memo: BoundedMemo<string, string>, name: string, work: (name: string) => string): string {
  let answer = memo.get(name);
  if (answer === undefined) memo.set(name, (answer = work(name)));
  return answer;
}

/** A division's name folded as news write it: without its division word before or after ("Province du Soum" → "soum"). */
export function divisionKey(name: string): string {
  // Folded without the folding memo: the answer is remembered here, under the name as asked.
  return remembered(divisionKeys, name, (n) => foldName(withoutDivisionWord(n)));
}

/** Folded spelling: diacritics, apostrophes, punctuation and Arabic articles removed. */
export function placeNameKey(name: string): string {
  return remembered(folded, name, foldName);
}

/**
 * placeNameKey without the memo, for a caller that remembers its own answer under the name (the gazetteer's
 * look-ups): the memo would only hold a second copy of each spelling, and asking it costs as much as folding.
 */
export function foldName(name: string): string {
  const words = asciiWords(name) ?? unicodeWords(name);
  return (words.length > 1 ? words.map((w) => COMPASS.get(w) ?? w) : words).join(' ');
}

/**
 * The words of a name in plain ASCII (most names in English news), read in one pass: it has no accents to take off,
 * and its letters and digits are a-z and 0-9 once lower-cased. Apostrophes (' and `) are dropped inside a word, every
 * other character ends one, and articles are left out. Null when the name is not plain ASCII. Each word is cut out of
 * the name whole (cheaper than writing it letter by letter), its apostrophes taken out after.
 */
function asciiWords(name: string): string[] | null {
  const words: string[] = [];
  let start = -1; // where the current word began, -1 between words
  let apostrophes = false;
  for (let i = 0; i <= name.length; i++) {
    const code = i < name.length ? name.charCodeAt(i) : 32; // the end of the name ends its last word
    if (code < 0x20 || code > 0x7e) return null;
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)) {
      if (start < 0) start = i;
    } else if (code === 39 || code === 96) { // ' and `
      if (start >= 0) apostrophes = true;
    } else if (start >= 0) {
      let word = name.slice(start, i).toLowerCase();
      if (apostrophes) word = word.replace(/['`]/g, '');
      if (!ARTICLES.has(word)) words.push(word);
      start = -1;
      apostrophes = false;
    }
  }
  return words;
}

/** The words of a name in any script: accents and marks taken off (rules 1 and 5), apostrophes dropped, articles left out. */
function unicodeWords(name: string): string[] {
  return foldArabic(name.normalize('NFKD')).replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`ʿʾ´]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !ARTICLES.has(w))
    .map(withoutArabicArticle);
}

/**
 * Arabic letters written in several forms for one sound (rule 5), on text already in NFKD: that has split أ إ آ ؤ ئ
 * into their base letter and a hamza or madda mark, which the caller removes with the short vowels (\p{M}). Left
 * here: the tatweel (a stretching stroke, not a mark), ٱ, ة and ى, which NFKD keeps whole.
 */
function foldArabic(name: string): string {
  if (!/[\u0600-\u06ff]/.test(name)) return name;
  return name.replace(/\u0640/g, '').replace(/ٱ/g, 'ا').replace(/ة/g, 'ه').replace(/ى/g, 'ي');
}

/** The Arabic article written onto a word (الشيخ → شيخ), when a word of its own is left. */
function withoutArabicArticle(word: string): string {
  return word.length > 3 && word.startsWith('ال') ? word.slice(2) : word;
}

/** Rule 7, in order: each is applied to the whole word before the next ("qh" → "kh" stays, as kh went first). */
const SOUNDS: [string, RegExp, string][] = [
  ['kh', /kh/g, 'k'], ['gh', /gh/g, 'g'], ['q', /q/g, 'k'], ['dh', /dh/g, 'd'], ['th', /th/g, 't'], ['ph', /ph/g, 'f'], ['ck', /ck/g, 'k'],
  ['c', /c/g, 'k'], ['z', /z/g, 's'], ['w', /w/g, 'u'], ['p', /p/g, 'b'],
];

const skeletons = new BoundedMemo<string, string>(100_000);

/** Transliteration-blind skeleton of a name (see the rules above); empty when nothing is left. */
export function placeNameSkeleton(name: string): string {
  return remembered(skeletons, name, skeletonOf);
}

function skeletonOf(name: string): string {
  return keySkeleton(placeNameKey(name));
}

/** The skeleton of a name already folded (placeNameSkeleton(name) is keySkeleton(placeNameKey(name))), not remembered. */
export function keySkeleton(key: string): string {
  // Most names are asked about once, so the rules run as plain passes over the letters: a sound's replacement only
  // for a word that has it, then rules 8-11 in one pass each (regular expressions cost most of the time here).
  let joined = '';
  for (const word of key.split(' ')) joined += vowelsMerged(withSounds(word));
  return withoutFinalVowel(undoubled(joined));
}

function withSounds(word: string): string {
  let w = word;
  for (const [letters, pattern, sound] of SOUNDS) if (w.includes(letters)) w = w.replace(pattern, sound);
  return w;
}

function isVowel(code: number): boolean {
  return code === 97 || code === 101 || code === 105 || code === 111 || code === 117 || code === 121; // a e i o u y
}

/** Rules 8 and 9: an h after a vowel dropped (with the h's after it), then each run of vowels written "a". */
function vowelsMerged(word: string): string {
  let out = '';
  // The last letter kept by rule 8 was a vowel: an h after it is dropped, and a vowel after it is of the same run.
  let afterVowel = false;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (isVowel(code)) {
      if (!afterVowel) out += 'a';
      afterVowel = true;
    } else if (code === 104 && afterVowel) { // h
      continue;
    } else {
      out += word[i];
      afterVowel = false;
    }
  }
  return out;
}

/** Rule 10: doubled letters (UTF-16 units, as the rule's pattern read them) written once. */
function undoubled(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) if (i === 0 || text.charCodeAt(i) !== text.charCodeAt(i - 1)) out += text[i];
  return out;
}

/** Rule 11: the final "a" dropped when another "a" comes before it (with something between, as doubles are gone). */
function withoutFinalVowel(text: string): string {
  const last = text.length - 1;
  return last >= 2 && text.charCodeAt(last) === 97 && text.lastIndexOf('a', last - 2) >= 0 ? text.slice(0, last) : text;
}
