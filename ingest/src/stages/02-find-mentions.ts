/** Stage 2: finds the sentences and the Person, Organization and Country mentions of a text, with exact offsets. */
import nlp from 'compromise';
import type { Mention, Span } from '../../../core/src/model.js';
import { applyAcronyms } from '../nlp/acronyms.js';
import { lookupCountry } from '../nlp/countries.js';
import { harmoniseDocumentNames } from '../nlp/document-names.js';
import { isNonActorName } from '../nlp/non-actors.js';
import { titleEndsAt } from '../resolve/person-titles.js';
import { isEverydayWord, isOrdinaryNoun, lexiconTag } from '../nlp/word-classes.js';
import { tagKnownOrganisations } from '../nlp/known-organisation-tags.js';
import { tagEmployersAfterTitles } from '../nlp/employer-after-title.js';
import { tagEmployersBeforeTitles } from '../nlp/employer-before-title.js';
import { tagInstitutionNames } from '../nlp/institution-names.js';
import { tagNamesAfterHonorifics } from '../nlp/honorific-names.js';
import { tagCamelCaseBrands } from '../nlp/camel-case-names.js';
import { tagNumberedNames, tagNumberedStations } from '../nlp/numbered-names.js';
import { tagGivenNamePeople } from '../nlp/given-name-people.js';
import { tagCaseParties } from '../nlp/case-parties.js';
import { tagCountryPossessiveNames } from '../nlp/country-possessive-names.js';
import { hasTag } from '../nlp/compromise-tags.js';
import { knownOrganisation } from '../resolve/known-organisations.js';
import { prepareText, type CaseMode } from '../nlp/features.js';
import { DEFAULT_MODEL_PATH } from '../nlp/model-path.js';
import { isHeadline, refineSpan, splitAtPossessives, splitAtVerbs, splitCoordinations, trimNameEdges, trimSentenceOpener, type RefineContext } from '../nlp/refine.js';
import { spansFromBio, type LabelledSpan } from '../nlp/spans.js';
import { splitTitledSpans } from '../nlp/title-split.js';
import { isSpreadingWorkTitle, isWorkTitle } from '../nlp/work-titles.js';
import { decode, loadModel, type LoadedModel } from '../nlp/tagger.js';
import type { Token } from '../nlp/tokenize.js';

export interface TextAnalysis {
  sentences: Span[];
  mentions: Mention[];
}

let model: LoadedModel | undefined;

/** The trained tagger, read from disk on first use. */
export function mentionModel(): LoadedModel {
  model ??= loadModel(DEFAULT_MODEL_PATH);
  return model;
}

const CONTINENT_PARTS = new Set(['north', 'south', 'latin', 'central']);

const COMPASS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western']);

/** Words before a capital that make it a place rather than its government: "in Seoul", "flew to Tokyo". */
const LOCATIVE = new Set(
  'in at near outside inside from to into around across through via within toward towards visit visited visiting arrived left leaving reached entered based downtown central of de'.split(' '),
);

/** readsAsUnknownNoun's answers: the same few words come back across articles, and each costs a full compromise run. */
const unknownNouns = new Map<string, boolean>();

/** A word the lexicon does not know that compromise's full tagger reads as a noun ("area", "suburbs"). */
function readsAsUnknownNoun(word: string): boolean {
  if (lexiconTag(word) !== undefined) return false;
  let known = unknownNouns.get(word);
  if (known === undefined) {
    const tags = (nlp(`the ${word}`).json() as Array<{ terms: Array<{ tags: string[] }> }>)[0]?.terms[1]?.tags ?? [];
    known = tags.includes('Noun') && !tags.includes('Verb');
    if (unknownNouns.size > 10_000) unknownNouns.clear();
    unknownNouns.set(word, known);
  }
  return known;
}

/** A capital names its country's government unless the words before it make it a place, or it opens a dateline. */
function capitalIsMetonym(tokens: Token[], span: LabelledSpan, sentenceStart: number): boolean {
  const before = span.from > sentenceStart ? tokens[span.from - 1]!.text.toLowerCase() : '';
  if (LOCATIVE.has(before)) return false;
  // Reuters-style datelines: "SEOUL 2025-07-28" or "SEOUL (Reuters) -".
  const after = tokens[span.to]?.text ?? '';
  if (span.from === sentenceStart && (/^\d/.test(after) || after === '(' || after === '-')) return false;
  // An address: "Paris, France", "Washington, D.C.".
  const next = tokens[span.to + 1]?.text ?? '';
  if (after === ',' && (lookupCountry(next)?.via === 'name' || lookupCountry(next)?.via === 'abbreviation' || /^D\.?C\.?$/.test(next))) return false;
  // A modifier of an ordinary noun: "the Berlin music critic", "a London hotel", "the Prague area"; a government
  // acts: "Moscow said", "Beijing will".
  // (The lexicon calls some past tenses adjectives: "Seoul rejected" is the government acting.)
  if (/^\p{Ll}/u.test(after) && !/ed$/.test(after) && (isOrdinaryNoun(after) || readsAsUnknownNoun(after))) return false;
  // Part of a longer name: "the London 2012 Olympics", "the Berlin International Film Festival".
  if (/^[\p{Lu}\d]/u.test(after) && tokens[span.to]!.start === tokens[span.to - 1]!.end + 1) return false;
  return true;
}

/**
 * compromise reads the word as a verb, adverb, adjective, conjunction or preposition ("Nonetheless, Kim said"), or
 * it is a verb's -ing form ("Describing the deal, ..."). Only asked of one-word organisations opening a sentence;
 * people keep their names ("Will", "Rob") whatever compromise thinks of them. Its lexical tags (stage 2's
 * compromiseTags) suffice: a full compromise parse of the words after it cost 4 % of extraction, and on the BBC
 * corpus it changed a handful of mentions (Labour, Manchester United and "the House" kept a few more; "Chart" and
 * "Continental" are read as organisations once each).
 */
function readsAsFunctionWord(word: string, tags: string | undefined, casing: Map<string, string>): boolean {
  const gerund = /\p{Ll}{3}ing$/u.test(word) && !/^[Cc]$/.test(casing.get(word.toLowerCase()) ?? '');
  return gerund || hasTag(tags, 'Verb', 'Adverb', 'Adjective', 'Conjunction', 'Preposition');
}

/** Words before a demonym that make it a language: "spoke in French", "translated into Spanish", "speaks Arabic". */
const LANGUAGE_BEFORE = new Set('in into speak speaks spoke spoken speaking learn learns learned learnt learning teach taught fluent translated dubbed'.split(' '));
/** Words after a language that end its phrase, where a demonym used as an adjective would go on to its noun. */
const AFTER_LANGUAGE = new Set('to and or but with by for from at as on while so than when because'.split(' '));

/** "He spoke in French to reporters": a demonym that names a language, not its country acting. */
function namesLanguage(tokens: Token[], span: LabelledSpan): boolean {
  const before = tokens[span.from - 1]?.text.toLowerCase() ?? '';
  const after = tokens[span.to]?.text ?? '';
  return LANGUAGE_BEFORE.has(before) && (after === '' || /^[^\p{L}\p{N}]/u.test(after) || AFTER_LANGUAGE.has(after));
}

/** Words that end a law's name and are names too: "Bill" (Clinton), "Act". */
const LAW_HEADS = new Set(['Bill', 'Act']);

/** Whether token `i`, a law head, ends the name of a law: right after a capitalised word (not the sentence's first). */
function endsLawName(tokens: Token[], i: number): boolean {
  return LAW_HEADS.has(tokens[i]!.text) && /^\p{Lu}\p{Ll}/u.test(tokens[i - 1]?.text ?? '') && !/^[A-Z]/.test(tokens[i + 1]?.text ?? '');
}

/** Plural nouns for a party's members, which name the party: "the Christian Democrats", "the Socialists". */
const PARTY_MEMBERS = new Set(['Democrats', 'Republicans', 'Socialists', 'Liberals', 'Conservatives', 'Greens', 'Nationalists', 'Unionists', 'Communists']);

/**
 * A one-word name right after another capitalised word the span left out is the end of a longer name ("The Free
 * Democrats objected." read as a heading and cut to "Democrats"), not the shipped organisation of that name. A
 * country before it qualifies it instead ("US Democrats").
 */
function endsLongerName(tokens: Token[], span: LabelledSpan, sentenceStart: number): boolean {
  const before = tokens[span.from - 1]?.text ?? '';
  return span.to - span.from === 1 && span.from > sentenceStart && /^\p{Lu}/u.test(before) && !/^the$/i.test(before) && !lookupCountry(before);
}

function toMention(text: string, tokens: Token[], span: LabelledSpan, sentenceStart: number): Mention | undefined {
  const surface = text.slice(span.start, span.end);
  const base = { start: span.start, end: span.end, text: surface };
  // The shipped list of organisations wins over the tagger's type: "Lib Dems" is a party, whatever it looked like.
  const organisation = (span.label === 'LOC' && lookupCountry(surface)) || endsLongerName(tokens, span, sentenceStart) ? undefined : knownOrganisation(surface);
  if (organisation) return { ...base, type: 'Organization', canonical: organisation };
  // A party named by its members, read by the tagger as a group of people: "the Christian Democrats".
  if (span.label === 'MISC' && span.to - span.from > 1 && PARTY_MEMBERS.has(tokens[span.to - 1]!.text)) return { ...base, type: 'Organization' };
  // A country's name or abbreviation tagged as an organisation ("The DPRK fired") is the country acting.
  const spelledCountry = span.label === 'ORG' ? lookupCountry(surface) : undefined;
  if (spelledCountry && (spelledCountry.via === 'name' || spelledCountry.via === 'abbreviation')) {
    return { ...base, type: 'Country', iso2: spelledCountry.iso2, via: spelledCountry.via, canonical: spelledCountry.canonical };
  }
  // After a title the name is a person's, whatever its last word: "Judge Shanlyn Park", "Mr. Hall".
  const titled = span.label === 'PER' && /^\p{Lu}/u.test(tokens[span.from - 1]?.text ?? '') && titleEndsAt(tokens, span.from);
  if ((span.label === 'PER' || span.label === 'ORG') && !titled && isNonActorName(surface)) return undefined;
  if (span.label === 'PER') return { ...base, type: 'Person' };
  if (span.label === 'ORG') return { ...base, type: 'Organization' };
  const country = lookupCountry(surface);
  if (!country) return undefined;
  // "South America", "Latin America" split by the tagger: the continent, not the United States.
  if (country.canonical === 'United States' && /^america$/i.test(surface) && CONTINENT_PARTS.has(tokens[span.from - 1]?.text.toLowerCase() ?? '')) return undefined;
  if (country.via === 'capital' && (span.label !== 'LOC' || !capitalIsMetonym(tokens, span, sentenceStart))) return undefined;
  // A country word the tagger calls MISC is used as an adjective ("Thai rice", "U.S. troops"): a demonym.
  const via = span.label === 'MISC' ? 'demonym' : country.via;
  if (via === 'demonym' && namesLanguage(tokens, span)) return undefined;
  return { ...base, type: 'Country', iso2: country.iso2, via, canonical: country.canonical };
}

/** Two-word lines the tagger reads as prose ("Leaflet Ban") are headings when every word is capitalised. */
function headingMode(tokens: Token[], from: number, to: number, mode: CaseMode): CaseMode {
  if (mode !== 'n') return mode;
  let words = 0;
  for (let i = from; i < to; i++) {
    if (!/^\p{L}/u.test(tokens[i]!.text)) continue;
    if (!/^\p{Lu}/u.test(tokens[i]!.text)) return mode;
    words++;
  }
  return words >= 2 ? 'title' : mode;
}

/** How each lower-cased word is written mid-sentence in this text's prose (headings left out): "cap", "low" or "both". */
function proseCasing(tokens: Token[], sentences: Array<[number, number]>, modes: CaseMode[]): Map<string, string> {
  const seen = new Map<string, number>();
  sentences.forEach(([from, to], s) => {
    if (modes[s] !== 'n') return;
    for (let i = from + 1; i < to; i++) {
      const w = tokens[i]!.text;
      if (!/^\p{L}/u.test(w)) continue;
      const key = w.toLowerCase().replace(/’/g, "'");
      seen.set(key, (seen.get(key) ?? 0) | (/^\p{Lu}/u.test(w) ? 1 : 2));
    }
  });
  const out = new Map<string, string>();
  for (const [k, v] of seen) out.set(k, v === 1 ? 'cap' : v === 2 ? 'low' : 'both');
  return out;
}

/**
 * "North Korean" tagged as two spans ("North", "Korean"), or as "North" alone, is one country word: rejoin or
 * complete what the gazetteer knows whole.
 */
function mergeSplitCountries(text: string, spans: LabelledSpan[], tokens: Token[], tags: string[]): LabelledSpan[] {
  const out: LabelledSpan[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && last.to === span.from && lookupCountry(text.slice(last.start, span.end)) && !lookupCountry(text.slice(span.start, span.end))) {
      out[out.length - 1] = { ...last, to: span.to, end: span.end };
    } else {
      out.push(span);
    }
  }
  return out.map((span) => {
    const next = tokens[span.to];
    if (!next || tags[span.to] !== 'O' || next.start !== tokens[span.to - 1]!.end + 1) return span;
    const own = lookupCountry(text.slice(span.start, span.end));
    return !own && lookupCountry(text.slice(span.start, next.end)) ? { ...span, to: span.to + 1, end: next.end } : span;
  });
}

/** readAlone's answers: the same names come back across articles. */
const aloneReadings = new Map<string, string>();

/**
 * The tagger's reading of a name in a neutral sentence of its own, as "PER", "ORG", "LOC", "MISC" or "O": its word
 * features (shape, affixes, word classes) say whether "Svetlana Cherkasova" or "Hyundai Motor" is a person's name
 * where the words around it in the article do not.
 */
function readAlone(name: string): string {
  let label = aloneReadings.get(name);
  if (label === undefined) {
    const model = mentionModel();
    const prepared = prepareText(`A statement from ${name} said so.`, model.casing, { weights: model.weights });
    label = decode(prepared, model.score, undefined, model.dynamic)[3]?.slice(2) || 'O';
    if (aloneReadings.size > 10_000) aloneReadings.clear();
    aloneReadings.set(name, label);
  }
  return label;
}

/** Sentences and mentions of `text`; mentions are sorted, never overlap, and `text.slice(start, end) === mention.text`. */
export function findMentions(text: string): TextAnalysis {
  const model = mentionModel();
  const prepared = prepareText(text, model.casing, { weights: model.weights });
  const { tokens } = prepared;
  const tags: string[] = decode(prepared, model.score, undefined, model.dynamic);
  // Tag repairs from cue words the tagger cannot weigh, in order; harmonising then spreads each name's reading.
  applyAcronyms(tokens, tags);
  tagInstitutionNames(tokens, tags, prepared.compromiseTags);
  tagNumberedStations(tokens, tags);
  tagNumberedNames(tokens, tags);
  tagNamesAfterHonorifics(tokens, tags);
  tagCamelCaseBrands(tokens, tags);
  tagGivenNamePeople(tokens, tags, prepared.compromiseTags);
  tagCaseParties(tokens, tags, prepared.compromiseTags);
  tagCountryPossessiveNames(tokens, tags, prepared.compromiseTags, model.casing, readAlone);
  harmoniseDocumentNames({ tokens, tags, casing: model.casing, sentences: prepared.sentences });
  tagKnownOrganisations(tokens, tags);
  tagEmployersAfterTitles(tokens, tags, model.casing);
  tagEmployersBeforeTitles(tokens, tags);
  const sentenceOf = new Int32Array(tokens.length);
  prepared.sentences.forEach(([from, to], s) => sentenceOf.fill(s, from, to));
  const modes = prepared.sentences.map(([from, to], s) => headingMode(tokens, from, to, prepared.modes[s]!));
  const base = { tokens, tags, casing: model.casing, docCase: proseCasing(tokens, prepared.sentences, modes) };
  const headline = prepared.sentences.map(([from, to], s) => isHeadline(modes[s]!, from, to, base));
  const ctx: RefineContext = { ...base, inHeadline: (i) => headline[sentenceOf[i]!]! };

  const mentions: Mention[] = [];
  let lastEnd = 0;
  // Span repairs, in order: each reads the spans the one before left.
  let spans = trimNameEdges(spansFromBio(tokens, tags), tokens);
  spans = mergeSplitCountries(text, spans, tokens, tags);
  spans = splitAtPossessives(spans, tokens, readAlone);
  spans = splitCoordinations(spans, tokens);
  spans = splitAtVerbs(spans, tokens, prepared.compromiseTags);
  spans = splitTitledSpans(spans, tokens);
  // The token after the last name dropped as no actor: the rest of a title the tagger broke up continues there
  // ("Declaration for Peace, Prosperity and Unification").
  let droppedTo = -1;
  const continuesDropped = (from: number): boolean => {
    if (droppedTo < 0 || from - droppedTo > 2) return false;
    for (let i = droppedTo; i < from; i++) if (!/^(,|and|&)$/.test(tokens[i]!.text)) return false;
    return true;
  };
  // A title of a work marked once by a cue is one in every mention of the article ("Million Dollar Baby and Sideways"),
  // unless a person the article names ends with it: then the cue named a work after its maker ("Jenna Marbles").
  const surfaceOf = (span: LabelledSpan) => text.slice(span.start, span.end);
  const surnames = new Set(spans.filter((s) => s.label === 'PER' && s.to - s.from > 1).map((s) => text.slice(tokens[s.to - 1]!.start, s.end)));
  const workTitles = new Set(
    spans.filter((span) => isSpreadingWorkTitle(tokens, prepared.compromiseTags, span)).map(surfaceOf).filter((title) => !surnames.has(title)),
  );
  for (const raw of spans) {
    const refined = refineSpan(raw, ctx);
    if (!refined || refined.start < lastEnd) continue;
    const span = trimSentenceOpener(refined, tokens, prepared.sentences[sentenceOf[refined.from]!]![0]);
    const usuallyCapitalised = /^[Cc]$/.test(model.casing.get(tokens[span.from]!.text.toLowerCase()) ?? '');
    if (span.label !== 'LOC' && span.to - span.from === 1 && !usuallyCapitalised && continuesDropped(span.from)) {
      droppedTo = span.to;
      continue;
    }
    // "the North", "the South": a compass word alone names no actor we can pin down.
    if (span.to - span.from === 1 && COMPASS.has(tokens[span.from]!.text.toLowerCase())) continue;
    // "the Prevention of Terrorism Bill" with "Bill" alone tagged a person: the end of a law's name, not Bill Clinton.
    if (span.to - span.from === 1 && span.from - 1 > prepared.sentences[sentenceOf[span.from]!]![0] && endsLawName(tokens, span.from)) continue;
    if (isWorkTitle(tokens, tags, prepared.compromiseTags, span) || workTitles.has(surfaceOf(span))) continue;
    const sentenceStart = prepared.sentences[sentenceOf[span.from]!]![0];
    // One word the training text almost always writes in lower case ("Unification", "War") is no organisation.
    if (span.to - span.from === 1 && span.label === 'ORG' && model.casing.get(tokens[span.from]!.text.toLowerCase()) === 'L') continue;
    // One everyday word opening a sentence ("Nonetheless, ...") is capitalised for the sentence, not as a name.
    const opensSentence = span.from === sentenceStart || /^[.!?:;“"‘]$/.test(tokens[span.from - 1]?.text ?? '');
    if (span.to - span.from === 1 && opensSentence && span.label !== 'LOC' && (isEverydayWord(tokens[span.from]!.text, model.casing) || (span.label === 'ORG' && readsAsFunctionWord(tokens[span.from]!.text, prepared.compromiseTags[span.from], model.casing)))) continue;
    const mention = toMention(text, tokens, span, sentenceStart);
    if (!mention) {
      if (span.label !== 'LOC') droppedTo = span.to;
      continue;
    }
    mentions.push(mention);
    lastEnd = mention.end;
  }
  const sentences = prepared.sentences.map(([from, to]) => ({ start: tokens[from]!.start, end: tokens[to - 1]!.end }));
  return { sentences, mentions };
}
