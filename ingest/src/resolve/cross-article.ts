/**
 * One node per actor across articles. Within an article, "Nadal" after "Rafael Nadal" and "APEC" after
 * "Asia-Pacific Economic Cooperation (APEC)" already join the full name; an article that only ever says "Nadal"
 * or "APEC" makes a node of its own. After each ingest, such one-word actors are compared with what the whole
 * graph knows, and merged (reversibly, in the audit log) into the one fuller actor they can only mean:
 *
 * - a surname alone → the person whose last name it is (or, for a name written family name first, like
 *   "Moon Jae-in", whose first); the one such person, or the one at least DOMINANCE times as present as any other;
 * - an acronym → the organisation an earlier article spelled out with it ("Asia-Pacific Economic Cooperation
 *   (APEC)"): the one such organisation, or the dominant one;
 * - one name typed a person in some articles and an organisation in others ("Chelsea", "Rosneft") → the
 *   organisation.
 *
 * Full names are never merged with each other: two people who share a surname stay two.
 */
import type { StoredActor } from '../../../core/src/queries/namesakes.js';
import { acronymLetters, lettersFit } from './acronym-letters.js';
import { cachedKey as surfaceKey } from './cached-key.js';
import { nameWords } from './person-name-variants.js';

/** How much more present the chosen actor must be than any other it could be: a clear majority, not a guess. */
export const DOMINANCE = 3;

export type MergeReason = 'surname' | 'acronym' | 'typed two ways';

export interface PlannedMerge {
  source: StoredActor;
  target: StoredActor;
  reason: MergeReason;
}

/** A name of one word once spelling is folded ("Nadal", "U.N."). */
export const isOneWordName = (name: string): boolean => surfaceKey(name).split(' ').length === 1;

/** A one-word actor the reconciliation may merge: one name word, not touched by an analyst. */
export function isShortActor(actor: Pick<StoredActor, 'type' | 'name' | 'version'>): boolean {
  return actor.version === 0 && actor.type !== 'Country' && isOneWordName(actor.name);
}

/** The word a short actor is looked up by. */
export const lookupWord = (actor: Pick<StoredActor, 'type' | 'name'>): string =>
  actor.type === 'Organization' && acronymLetters(actor.name) ? actor.name : surfaceKey(actor.name);

/** A given name written after the family name, as in Korean and Chinese names: "Jae-in", "Jong-un". */
const HYPHENATED_GIVEN = /^\p{Lu}\p{Ll}+-\p{Ll}+$/u;

/** Whether `person` (a full name) has `surname` for its surname. */
function hasSurname(person: StoredActor, surname: string): boolean {
  const words = nameWords(person.name);
  if (words.length < 2) return false;
  if (words[words.length - 1] === surname) return true;
  const written = person.name.split(/\s+/);
  return words[0] === surname && HYPHENATED_GIVEN.test(written[written.length - 1] ?? '');
}

/** The one candidate, or the one at least DOMINANCE times as present as every other; else none. */
function dominant(candidates: StoredActor[]): StoredActor | undefined {
  if (candidates.length === 0) return undefined;
  const ranked = [...candidates].sort((a, b) => b.articleCount - a.articleCount || (a.id < b.id ? -1 : 1));
  const [first, second] = ranked;
  if (!second) return first;
  return first!.articleCount >= DOMINANCE * Math.max(1, second.articleCount) ? first : undefined;
}

/**
 * The merges for these short actors, given per lookup word the live actors whose name or aliases hold it.
 * `blocked` are ids an analyst once split back out: never merged again.
 */
export function planMerges(shorts: StoredActor[], namedWith: Map<string, StoredActor[]>, blocked: Set<string>): PlannedMerge[] {
  const plans: PlannedMerge[] = [];
  // Merged away, and merged into: no actor is both, so every plan holds whatever order they are carried out in.
  const sources = new Set<string>();
  const targets = new Set<string>();
  for (const short of shorts) {
    if (blocked.has(short.id) || sources.has(short.id) || !isShortActor(short)) continue;
    const word = lookupWord(short);
    const others = (namedWith.get(word) ?? []).filter((a) => a.id !== short.id);
    const plan = planFor(short, word, others);
    // A pair typed two ways is planned once, from whichever side comes first.
    if (!plan || plan.source.version > 0 || blocked.has(plan.source.id) || blocked.has(plan.target.id)) continue;
    if (sources.has(plan.source.id) || targets.has(plan.source.id) || sources.has(plan.target.id)) continue;
    plans.push(plan);
    sources.add(plan.source.id);
    targets.add(plan.target.id);
  }
  return plans;
}

function planFor(short: StoredActor, word: string, others: StoredActor[]): PlannedMerge | undefined {
  // A word the graph's people bear more often as a given name than as a surname ("Robert") is no surname: it
  // could be anyone's.
  const people = others.filter((a) => a.type === 'Person');
  const bearers = people.filter((a) => hasSurname(a, word));
  const givenTo = people.filter((a) => nameWords(a.name).length >= 2 && nameWords(a.name)[0] === word && !bearers.includes(a));
  if (short.type === 'Person' && bearers.length >= givenTo.length) {
    const target = dominant(bearers);
    // A surname far more present alone than the only full name bearing it means something else ("Warner", the
    // studio, beside one "Tim Warner"): people named in full are named in full in most articles about them.
    if (target && target.articleCount * DOMINANCE >= short.articleCount) return { source: short, target, reason: 'surname' };
  }
  if (short.type === 'Organization' && acronymLetters(short.name)) {
    // An alias alone is not enough (an article may have folded "BT" into "BT Together"): the letters must fit.
    const spelledOut = others.filter(
      (a) => a.type === 'Organization' && a.aliases.includes(short.name) && !acronymLetters(a.name) && !a.name.split(/\s+/).includes(short.name) && lettersFit(short.name, a.name),
    );
    const target = dominant(spelledOut);
    if (target) return { source: short, target, reason: 'acronym' };
  }
  // The same one word as the other type: the organisation. A person in the news is named in full somewhere; a
  // one-word name typed both ways is a club or a firm the tagger took for a surname ("Chelsea", "Rosneft"), and
  // the tagger, once wrong on a name, tends to be wrong on it in most articles, so counts do not decide.
  const otherType = short.type === 'Person' ? 'Organization' : 'Person';
  const twin = others.find((a) => a.type === otherType && surfaceKey(a.name) === surfaceKey(short.name));
  // Unless people in the graph bear it as a surname ("Yudhoyono" beside "Susilo Bambang Yudhoyono"): then it
  // is a person's name the tagger once misread, and the two stay apart for an analyst to judge.
  if (twin && bearers.length === 0) {
    const [person, organisation] = short.type === 'Person' ? [short, twin] : [twin, short];
    return { source: person, target: organisation, reason: 'typed two ways' };
  }
  return undefined;
}
