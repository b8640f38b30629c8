/**
 * Titles of works (films, books, stories, songs) read like the names of people or organisations: "Belle (2013)",
 * the story "Takekurabe", the television series Gilmore Girls. A title is no actor, so the tagger's span is dropped
 * when one of two cues marks it as one:
 * 1. it fills a pair of quotation marks exactly ("Umoregi"), unless a name goes on around the quotes (a nickname:
 *    Finley "Finn" Polmar);
 * 2. a work noun stands right before it ("the romantic comedy Chasing Liberty"), unless a verb other than an
 *    auxiliary follows, when the name is the subject of a clause about the work ("the book Obama wrote"; but
 *    "comedy Sideways was named best film").
 * A name a work noun marks so once is a title in every mention of its article ("Million Dollar Baby and Sideways
 * led"; isSpreadingWorkTitle).
 * A year in brackets after a name is no cue: it follows films ("Belle (2013)") as often as teams' seasons, painters'
 * works and citations ("Pittsburgh Pirates (2012)", "Giovanni Bellini (1505)", "Croft (2004)"). Places are left alone.
 */
import { hasTag } from './compromise-tags.js';
import type { LabelledSpan } from './spans.js';
import type { Token } from './tokenize.js';

const OPENING_QUOTES = new Set(['"', '“', '‘', "'", '«']);
const CLOSING_QUOTES = new Set(['"', '”', '’', "'", '»']);

/** Nouns for a work that a title follows as an apposition. Journals, papers and bands are organisations, not here. */
const WORK_NOUNS = new Set(
  (
    'film films movie movies comedy comedies drama dramas thriller documentary sitcom series miniseries show novel novella ' +
    'book books story stories poem poems play opera musical album song single symphony painting'
  ).split(' '),
);

function fillsQuotes(tokens: Token[], tags: string[], span: LabelledSpan): boolean {
  const before = tokens[span.from - 1]?.text ?? '';
  const after = tokens[span.to]?.text ?? '';
  if (!OPENING_QUOTES.has(before) || !CLOSING_QUOTES.has(after)) return false;
  const nameGoesOn = tags[span.from - 2]?.endsWith('PER') && tags[span.to + 1]?.endsWith('PER');
  return !nameGoesOn;
}

/** Verbs that make the title the subject of the sentence, not of a clause about the work: "comedy Sideways was named". */
const AUXILIARIES = new Set('is was are were has had have will would could can may might'.split(' '));

function afterWorkNoun(tokens: Token[], compromiseTags: string[], span: LabelledSpan): boolean {
  if (!WORK_NOUNS.has(tokens[span.from - 1]?.text ?? '')) return false;
  const next = tokens[span.to]?.text ?? '';
  return AUXILIARIES.has(next) || !(/^\p{Ll}/u.test(next) && hasTag(compromiseTags[span.to], 'Verb'));
}

/**
 * Whether `span` is a title that a work noun names as such ("comedy Sideways"), and that no given name opens: one
 * to read as a title in every mention of its article. The quotation-mark cue is not enough for that ("Jenna
 * Marbles" in quotes is her channel, and she herself elsewhere), nor a title that is a given name ("the film
 * Jules et Jim", and Jules the character).
 */
export function isSpreadingWorkTitle(tokens: Token[], compromiseTags: string[], span: LabelledSpan): boolean {
  return span.label !== 'LOC' && afterWorkNoun(tokens, compromiseTags, span) && !hasTag(compromiseTags[span.from], 'FirstName');
}

/** Whether `span` (a person, organisation or miscellaneous name) is the title of a work. */
export function isWorkTitle(tokens: Token[], tags: string[], compromiseTags: string[], span: LabelledSpan): boolean {
  if (span.label === 'LOC') return false;
  return fillsQuotes(tokens, tags, span) || afterWorkNoun(tokens, compromiseTags, span);
}
