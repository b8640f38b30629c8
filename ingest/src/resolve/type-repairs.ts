/**
 * Type slips of the mention stage that the article itself settles: an
 * expansion before its bracketed acronym is an organisation, a given name and
 * surname the article later uses alone is a person, and a "person"
 * or "organisation" that is really a country the article names ("the South",
 * "Pyongyang’s Incentive" in a subheading) joins that country.
 */
import type { Mention } from '../../../core/src/model.js';
import { cachedKey as surfaceKey } from './cached-key.js';
import type { EntityGroup } from './entity-group.js';
import { lexiconTag } from '../nlp/word-classes.js';
import { ORG_HEADS } from '../nlp/refine.js';
import { isInstitutionHead } from '../nlp/institution-names.js';
import { HONORIFICS } from './person-titles.js';
import { acronymLetters, lettersFit } from './acronym-letters.js';
import { cleanOrganizationName } from './group-organizations.js';
import { isOrganisationKind } from './organisation-kinds.js';

const words = (s: string) => s.trim().split(/\s+/).length;

/** "The Organization of American States (OAS)" read as a person (or its acronym as one) is an organisation. */
export function expansionsAsOrganizations(text: string, mentions: Mention[]): Mention[] {
  const out = [...mentions];
  for (let i = 0; i + 1 < out.length; i++) {
    const [m, next] = [out[i]!, out[i + 1]!];
    if (m.type === 'Country' || next.type === 'Country' || next.start - m.end > 3 || !/^\s*\(\s*$/.test(text.slice(m.end, next.start))) continue;
    if (m.type === 'Organization' && next.type === 'Organization') continue;
    const acronym = acronymLetters(next.text.trim());
    // People have no bracketed acronyms; organisations do, whichever of the two the tagger got wrong.
    if (acronym && words(m.text) >= 2 && lettersFit(acronym, cleanOrganizationName(m.text))) {
      out[i] = { ...m, type: 'Organization' };
      out[i + 1] = { ...next, type: 'Organization' };
    }
  }
  return out;
}

const GIVEN_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);
const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * "Évariste Galois" or "Chelsea McCombs" read as an organisation is a person when it starts with a given name and
 * the article uses the surname alone elsewhere ("Galois proved"): people are named by surname after their full
 * name, firms named after people ("Morgan Stanley") are not. One-word organisations spelled like the surname of
 * such a person (or of any person the article names in full) follow.
 */
export function givenNamesAsPeople(text: string, mentions: Mention[]): Mention[] {
  const nameParts = (m: Mention) => m.text.trim().replace(/[’']s$/u, '').split(/\s+/);
  const isGiven = (word: string) => GIVEN_NAME_TAGS.has(lexiconTag(word.toLowerCase()) ?? '');
  // Surnames the article gives people: last words of full names, and one-word person mentions.
  const personal = new Set(mentions.filter((m) => m.type === 'Person').map((m) => nameParts(m).at(-1)!));
  const surnames = new Set<string>();
  for (const m of mentions) {
    const parts = nameParts(m);
    const last = parts.at(-1)!;
    if (m.type === 'Person' && parts.length >= 2) surnames.add(last);
    if (m.type !== 'Organization' || parts.length < 2 || parts.length > 3) continue;
    if (ORG_HEADS.has(last.toLowerCase()) || isInstitutionHead(last) || !/^\p{Lu}\p{Ll}/u.test(last) || !(isGiven(parts[0]!) || personal.has(last))) continue;
    // The surname alone somewhere else: neither right after the given name nor before another capitalised word.
    const alone = new RegExp(`(?<!${escape(parts.at(-2)!)}\\s)\\b${escape(last)}\\b(?!\\s\\p{Lu})`, 'u');
    if (alone.test(text.slice(0, m.start) + ' '.repeat(m.end - m.start) + text.slice(m.end))) surnames.add(last);
  }
  if (surnames.size === 0) return mentions;
  return mentions.map((m) => {
    if (m.type !== 'Organization') return m;
    const parts = nameParts(m);
    const last = parts.at(-1)!;
    const personLike = surnames.has(last) && (parts.length === 1 || (parts.length <= 3 && (isGiven(parts[0]!) || personal.has(last))));
    return personLike ? { ...m, type: 'Person' } : m;
  });
}

/** The lower-case word right before `start` (when only spaces separate it from the name), and the one before it. */
function wordsBefore(text: string, start: number): [string | undefined, string | undefined] {
  const m = /(?:^|[^\p{L}-])(?:([\p{Ll}-]+) +)?([\p{Ll}-]+) +$/u.exec(text.slice(Math.max(0, start - 40), start));
  return [m?.[2], m?.[1]];
}

/** ", the Russian oil firm," or ", a US bank that": an apposition whose head is an organisation kind. */
const APPOSITION = /^, (?:the|a|an) (?:[\p{L}-]+ ){0,3}?([\p{Ll}]+)(?=[,.;:)]| (?:that|which|whose|based)\b)/u;

/**
 * What only an organisation has or does, right after its name: a share price, profits, a board, shareholders,
 * "said its" where a person would take "his" or "her" ("Rosneft said its bid"), and a staff title no person holds
 * for another person before a name ("Gartner's principal analyst Kobita Desai"; "Blair's spokesman", "Howard's
 * campaign director" and "Blair's election strategist" are a person's).
 * Not ", which": it may follow the name but belong to the phrase before it ("a bid by Mr Glazer, which values the
 * club").
 */
const ORGANISATION_ONLY_AFTER =
  /^(?:[’']s? (?:share price|profits?|revenues?|shareholders|board|subsidiary|customers|stores)\b| (?:said|says|added|announced|reported|confirmed) its\b|[’']s? (?:[\p{Ll}-]+ ){0,2}(?:chairman|chairwoman|chief executive|economist|analyst|editor|correspondent) \p{Lu})/u;
/**
 * What only an organisation is, right before its name: "shares in Rosneft", "a stake in Southcorp", "the takeover
 * of Exeem". (Not "X's shares" or "X shares" after it: "Blair's shares in the firm", "Blair shares the view".)
 */
const ORGANISATION_ONLY_BEFORE = /\b(?:(?:shares|stake|stock|holding) in|(?:takeover|subsidiary|owner|parent) of|merger with) (?:the )?$/u;

/** An honorific (person-titles' list) ending right before a name, or opening it: "Mr Glazer", "Dr. Li". */
const HONORIFIC_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${HONORIFICS.join('|')})\\.? +$`, 'iu');
const hasHonorific = (text: string, m: Mention): boolean =>
  HONORIFIC_BEFORE.test(text.slice(Math.max(0, m.start - 12), m.start)) ||
  HONORIFICS.includes(m.text.split(/\s+/)[0]!.toLowerCase().replace(/\.$/, ''));

/**
 * A name the article calls a firm, bank, club or band ("investment bank Merrill Lynch") is an organisation,
 * wherever the tagger took it for a person in that article: companies and clubs named like people ("Merrill
 * Lynch", "Stade Toulousain") and unknown one-word names ("Yukos") are its commonest slips in business and
 * sports news. So does what only an organisation has, is or does (ORGANISATION_ONLY_AFTER, _BEFORE). Its last word alone
 * ("Lynch") follows.
 */
export function describedAsOrganizations(text: string, mentions: Mention[]): Mention[] {
  const described = new Set<string>();
  for (const m of mentions) {
    // "Mr Glazer's board" is the board he sits on: a name with an honorific is a person's, whatever follows it.
    if (m.type !== 'Person' || hasHonorific(text, m)) continue;
    const [before, earlier] = wordsBefore(text, m.start);
    const after = APPOSITION.exec(text.slice(m.end, m.end + 80))?.[1];
    const following = text.slice(m.end, m.end + 40);
    const preceding = text.slice(Math.max(0, m.start - 30), m.start);
    if (
      isOrganisationKind(before, earlier) ||
      isOrganisationKind(after) ||
      ORGANISATION_ONLY_AFTER.test(following) ||
      ORGANISATION_ONLY_BEFORE.test(preceding)
    ) {
      described.add(surfaceKey(m.text));
    }
  }
  if (described.size === 0) return mentions;
  const lastWords = new Set([...described].map((key) => key.split(' ').at(-1)!));
  return mentions.map((m) => {
    if (m.type !== 'Person') return m;
    const key = surfaceKey(m.text);
    return described.has(key) || lastWords.has(key) ? { ...m, type: 'Organization' } : m;
  });
}

/** Words that end a firm's regional arm or a body's name, never a person's: "Lycos Europe", "Amnesty International". */
const ARM_ENDINGS = new Set(['Europe', 'Asia', 'Africa', 'America', 'Americas', 'International', 'Worldwide', 'Global', 'UK', 'USA']);

/** "Lycos Europe" read as a person (a first-name-like brand and a place) is an organisation: no one is called so. */
export function regionalArmsAsOrganizations(mentions: Mention[]): Mention[] {
  return mentions.map((m) => {
    const words = m.text.trim().replace(/[’']s$/u, '').split(/\s+/);
    return m.type === 'Person' && words.length >= 2 && ARM_ENDINGS.has(words.at(-1)!) ? { ...m, type: 'Organization' } : m;
  });
}

/**
 * "The North" / "the South" in an article naming exactly one country called
 * "North ..." / "South ..." is that country: the usual shorthand in news on
 * the Koreas or the Sudans.
 */
function compassCountry(mention: Mention, countries: EntityGroup[]): EntityGroup | undefined {
  const word = /^(?:the\s+)?(north|south|east|west)(?:[’']s)?$/i.exec(mention.text.trim())?.[1];
  if (!word) return undefined;
  const named = countries.filter((g) => new RegExp(`^${word}\\s`, 'i').test(g.name));
  return named.length === 1 ? named[0] : undefined;
}

/** Moves country-like person/organisation mentions into their country group; returns the rest by type. */
export function foldIntoCountries(mentions: Mention[], countries: EntityGroup[]): { people: Mention[]; organizations: Mention[] } {
  const bySpelling = new Map(countries.flatMap((g) => [g.name, ...g.spellings].map((s) => [surfaceKey(s), g] as const)));
  const people: Mention[] = [];
  const organizations: Mention[] = [];
  for (const m of mentions) {
    if (m.type === 'Country') continue;
    // Only organisations by spelling: "Jordan" the person is not Jordan the country.
    const country = (m.type === 'Organization' ? bySpelling.get(surfaceKey(m.text)) : undefined) ?? compassCountry(m, countries);
    if (country) {
      country.mentions.push({ ...m, type: 'Country' });
      country.spellings.push(m.text.trim().replace(/^the\s+/i, '').replace(/[’']s$/u, ''));
    } else (m.type === 'Person' ? people : organizations).push(m);
  }
  return { people, organizations };
}
