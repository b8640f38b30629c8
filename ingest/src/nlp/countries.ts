/** The country gazetteer: names, abbreviations, demonyms and capitals from `world-countries`, plus the everyday forms it lacks. */
import worldCountriesModule from 'world-countries';
import type { Country } from 'world-countries';
import { tokenize } from './tokenize.js';

export type CountryVia = 'name' | 'abbreviation' | 'demonym' | 'capital';

export interface CountryEntry {
  iso2: string;
  canonical: string;
  via: CountryVia;
}

/** States that are not flagged independent in world-countries but act as countries in the news. */
const ALSO_COUNTRIES = new Set(['TW', 'PS', 'XK']);

/** Everyday names the package does not list (or lists under a newer name). */
const EXTRA_NAMES: Record<string, string[]> = {
  TR: ['Turkey'],
  GB: ['Britain', 'Great Britain', 'United Kingdom of Great Britain and Northern Ireland'],
  US: ['United States', 'United States of America', 'America'],
  CZ: ['Czech Republic'],
  KR: ['Republic of Korea', 'S. Korea'],
  KP: ['N. Korea'],
  CV: ['Cape Verde'],
  SZ: ['Swaziland'],
  TL: ['East Timor'],
  MK: ['Macedonia'],
  MM: ['Burma'],
  CD: ['Democratic Republic of the Congo'],
  CI: ["Cote d'Ivoire", "Côte d'Ivoire"],
  RU: ['Russian Federation'],
  CN: ["People's Republic of China"],
  VA: ['Vatican', 'Holy See'],
};

/** The name the news uses, where the package's common name is newer or longer. */
const CANONICAL: Record<string, string> = { TR: 'Turkey' };

/** Upper-case abbreviations, matched with exact case so "us" and "Uk" never count. */
const ABBREVIATIONS: Record<string, string[]> = {
  US: ['US', 'U.S.', 'U.S', 'USA', 'U.S.A.'],
  GB: ['UK', 'U.K.'],
  AE: ['UAE', 'U.A.E.'],
  KP: ['DPRK'],
  KR: ['ROK'],
  CN: ['PRC'],
  CD: ['DRC'],
};

/** Demonyms that the package lacks or that several countries share; this is the reading we take. */
const EXTRA_DEMONYMS: Record<string, string[]> = {
  US: ['American', 'Americans', 'U.S.'],
  GB: ['British', 'Briton', 'Britons'],
  DO: ['Dominican'],
  CD: ['Congolese'],
  NL: ['Dutch'],
  CN: ['Chinese'],
  JP: ['Japanese'],
  FR: ['French'],
  CH: ['Swiss'],
  IE: ['Irish'],
  ES: ['Spanish', 'Spaniard', 'Spaniards'],
  DK: ['Danish', 'Dane', 'Danes'],
  SE: ['Swedish', 'Swede', 'Swedes'],
  FI: ['Finnish', 'Finn', 'Finns'],
  PL: ['Polish', 'Pole', 'Poles'],
  TR: ['Turkish', 'Turk', 'Turks'],
};

/** Capitals that more often name a person, a state or another city than the country's government. */
const AMBIGUOUS_CAPITALS = new Set(['Victoria', 'Kingston', 'Georgetown', 'Hamilton', 'Saint John', 'Castries', 'Palikir', 'City of San Marino', 'Vatican City']);

const names = new Map<string, CountryEntry>(); // lower-cased phrase
const abbreviations = new Map<string, CountryEntry>(); // exact case
const demonyms = new Map<string, CountryEntry>(); // lower-cased phrase
const capitals = new Map<string, CountryEntry>(); // lower-cased phrase

/** Lower case, straight apostrophes, single spaces, no leading "the". */
export function gazetteerKey(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase().replace(/^the /, '');
}

function add(map: Map<string, CountryEntry>, key: string, entry: CountryEntry): void {
  if (key && !map.has(key)) map.set(key, entry);
}

// The package is CommonJS with an ES-style .d.ts: at run time the default import is the array itself.
const worldCountries = ((worldCountriesModule as unknown as { default?: Country[] }).default ??
  worldCountriesModule) as unknown as Country[];

for (const c of worldCountries) {
  if (!c.independent && !ALSO_COUNTRIES.has(c.cca2)) continue;
  const canonical = CANONICAL[c.cca2] ?? c.name.common;
  const entry = (via: CountryVia): CountryEntry => ({ iso2: c.cca2, canonical, via });
  for (const n of [c.name.common, c.name.official, ...(EXTRA_NAMES[c.cca2] ?? [])]) add(names, gazetteerKey(n), entry('name'));
  for (const alt of c.altSpellings) {
    if (alt === c.cca2 || !/^[A-Za-z][A-Za-z .,'’-]+$/.test(alt)) continue;
    if (/^[A-Z.]{2,6}$/.test(alt)) add(abbreviations, alt, entry('abbreviation'));
    else if (!alt.includes(',')) add(names, gazetteerKey(alt), entry('name'));
  }
  for (const a of ABBREVIATIONS[c.cca2] ?? []) abbreviations.set(a, entry('abbreviation'));
  for (const d of EXTRA_DEMONYMS[c.cca2] ?? []) demonyms.set(gazetteerKey(d), entry('demonym'));
  const eng = c.demonyms?.['eng'];
  for (const d of eng ? [eng.m, eng.f] : []) {
    add(demonyms, gazetteerKey(d), entry('demonym'));
    // Plural for people: "Israelis", "North Koreans"; "Chinese" and "Swiss" have none.
    if (/(an|i)$/.test(d)) add(demonyms, gazetteerKey(`${d}s`), entry('demonym'));
  }
  for (const cap of c.capital ?? []) if (!AMBIGUOUS_CAPITALS.has(cap)) add(capitals, gazetteerKey(cap), entry('capital'));
}
// "Washington" in the news is the U.S. government far more often than the state or the person.
capitals.set('washington', { iso2: 'US', canonical: 'United States', via: 'capital' });

/**
 * States that no longer exist but act in the history that biographies and retrospectives tell, under their
 * ISO 3166-3 codes: not in world-countries, which lists today's countries only.
 */
const FORMER_COUNTRIES: Array<{ iso2: string; canonical: string; names: string[]; abbreviations: string[]; demonyms: string[] }> = [
  { iso2: 'SU', canonical: 'Soviet Union', names: ['Soviet Union', 'Union of Soviet Socialist Republics'], abbreviations: ['USSR', 'U.S.S.R.'], demonyms: ['Soviet', 'Soviets'] },
  { iso2: 'YU', canonical: 'Yugoslavia', names: ['Yugoslavia'], abbreviations: [], demonyms: ['Yugoslav', 'Yugoslavian'] },
  { iso2: 'CS', canonical: 'Czechoslovakia', names: ['Czechoslovakia'], abbreviations: [], demonyms: ['Czechoslovak', 'Czechoslovakian'] },
  { iso2: 'DD', canonical: 'East Germany', names: ['East Germany', 'German Democratic Republic'], abbreviations: ['GDR'], demonyms: ['East German', 'East Germans'] },
];
for (const c of FORMER_COUNTRIES) {
  const entry = (via: CountryVia): CountryEntry => ({ iso2: c.iso2, canonical: c.canonical, via });
  for (const n of c.names) add(names, gazetteerKey(n), entry('name'));
  for (const a of c.abbreviations) add(abbreviations, a, entry('abbreviation'));
  for (const d of c.demonyms) add(demonyms, gazetteerKey(d), entry('demonym'));
}

/** The country a span names, if any, and how: names beat abbreviations beat demonyms beat capitals. */
export function lookupCountry(text: string): CountryEntry | undefined {
  const clean = text.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
  if (!/^[A-Z\u00C0-\u00DE]/.test(clean.replace(/^the /i, ''))) return undefined;
  const key = gazetteerKey(clean);
  return names.get(key) ?? abbreviations.get(clean) ?? demonyms.get(key) ?? capitals.get(key);
}

/** Gazetteer phrases by their token count, for marking tokens that start or continue a match. */
export type GazetteerKind = 'country' | 'abbr' | 'demonym' | 'capital';

const phraseKinds = new Map<string, GazetteerKind>();
/** Longest phrase, in tokens, starting with a given lower-cased token. */
const longestFrom = new Map<string, number>();

function addPhrases(map: Map<string, CountryEntry>, kind: GazetteerKind, exactCase: boolean): void {
  for (const key of map.keys()) {
    const toks = tokenize(key).map((t) => (exactCase ? t.text : t.text.toLowerCase()));
    const k = (exactCase ? '=' : '') + toks.join(' ');
    if (!phraseKinds.has(k)) phraseKinds.set(k, kind);
    const first = toks[0]!.toLowerCase();
    longestFrom.set(first, Math.max(longestFrom.get(first) ?? 0, toks.length));
  }
}
addPhrases(names, 'country', false);
addPhrases(abbreviations, 'abbr', true);
addPhrases(demonyms, 'demonym', false);
addPhrases(capitals, 'capital', false);

/**
 * For each token, the gazetteer kind it belongs to ("B-country", "I-capital"...), or undefined.
 * Longest match wins; only capitalised tokens can start a match.
 */
export function markGazetteer(words: string[]): Array<string | undefined> {
  const out: Array<string | undefined> = new Array(words.length);
  const lower = words.map((w) => w.replace(/[’‘]/g, "'").toLowerCase());
  for (let i = 0; i < words.length; i++) {
    const longest = longestFrom.get(lower[i]!);
    if (!longest || !/^[A-Z\u00C0-\u00DE]/.test(words[i]!)) continue;
    for (let n = Math.min(longest, words.length - i); n >= 1; n--) {
      const exact = phraseKinds.get('=' + words.slice(i, i + n).join(' '));
      const kind = exact ?? phraseKinds.get(lower.slice(i, i + n).join(' '));
      if (!kind) continue;
      out[i] = `B-${kind}`;
      for (let j = i + 1; j < i + n; j++) out[j] = `I-${kind}`;
      i += n - 1;
      break;
    }
  }
  return out;
}
