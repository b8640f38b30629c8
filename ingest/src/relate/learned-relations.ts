/**
 * Relations the learned classifier reads in a sentence where the rules read none: "Jo Bloggs, who has
 * spent ten years at Acme", "Acme, the Ruritanian bank". Each carries its probability as confidence.
 */
import type { Relation, RelationType, Span } from '../../../core/src/model.js';
import { pairFeatures, sentenceWords, type PairMention } from './pair-features.js';
import { probability, RELATION_KINDS, relationModel, type RelationKind, type RelationModel } from './relation-model.js';
import type { Slot } from './sentence-slots.js';

/** Pairs further apart than this many characters are not read: the sentence has moved on. */
const MAX_DISTANCE = 200;

/**
 * "X at the Y" with nothing between states a place, not an employer: "won at the Volvo Open", "spoke at the
 * Labour conference". CoNLL04 taught the classifier that "at" means work ("a professor at Y"); the title it
 * also needs is then in the gap, so only the bare form is refused.
 */
const BARE_AT = /^\s+at\s+(?:the\s+)?$/i;
/** "Sheff Utd v Aston Villa": the two sides of a fixture or a case, whatever the tagger made of them. */
const VERSUS = /^\s+(?:v|vs|versus)\.?\s+$/i;
/**
 * Two names with only a comma, semicolon or "and" between them are items of a list ("Goodrem, Green Day and the
 * Black Eyed Peas took two awards each", a team's line-up "H Ellis; G Rowntree"): the words say nothing of who
 * works for whom.
 */
const LIST_ITEMS = /^(?:\s*(?:[,;&]|and|\p{Lu}\.?(?=\s)))+\s*$/u;
/** "X and members of the Y": X is named beside them, not among them ("X and other Y executives" is). */
const AND_OTHERS = /^\s+(?:and|or)\s+(?!(?:other|fellow)\b)/i;
/** "EastEnders' actress Scarlett Johnson": the organisation's words describe the person right after it. */
const ORG_OF_NEXT = /^[’']s?\s+(?:[\p{Ll}-]+\s+){0,3}$/u;
/** "Shadow Treasury chief secretary X" works for the opposition, not for the Treasury. */
const SHADOW_BEFORE = /\bshadow\s+$/i;

const between = (s: Span, a: Span, b: Span) => s.start >= Math.min(a.end, b.end) && s.end <= Math.max(a.start, b.start);

/** Whether a person follows `org` with only its possessive and a few lower-case words (a title) between. */
function describesNextPerson(text: string, slots: Slot[], org: Slot): boolean {
  const next = slots.find((s) => s.start >= org.end);
  return next?.type === 'Person' && ORG_OF_NEXT.test(text.slice(org.end, next.start));
}

/** The relation type each kind writes. */
const WRITES: Record<RelationKind, RelationType> = { WORKS_FOR: 'WORKS_FOR', BASED_IN: 'BASED_IN' };

/**
 * Titles of whoever runs an organisation. CoNLL04's Work_For covers leaders too; where the words between name
 * one of these right at the organisation ("chief executive of", "Acme's chairman"), the person LEADS it. Not
 * "head" or "chief" alone ("head of equities", "chief economist"), nor a vice, deputy or former holder.
 */
const RUNS = String.raw`(?:president|prime\s+minister|premier|chancellor|chairman|chairwoman|chairperson|chief\s+executive|ceo|secretary[-\s]general|director[-\s]general|leader|boss|founder|co-founder|owner)`;
const NOT_THE_HOLDER = String.raw`(?<!\b(?:vice|deputy|assistant|former|ex|acting|interim|then|shadow|late)[-\s]+(?:\p{L}+\s+)?)`;
const RUNS_OF_ORG = new RegExp(String.raw`\b${NOT_THE_HOLDER}${RUNS}\s+(?:of|at|for)\s+(?:the\s+)?$`, 'iu');
/** "Acme's chairman", "Acme survey chairman": up to two words between, none of them a verb or preposition. */
const ORG_RUN_BY = new RegExp(
  String.raw`^(?:[’']s)?\s+(?:(?!(?:by|of|to|from|with|for|and|or|said|says|told|at|in|on|was|is|were|are|has|had|announced)\b)[\p{L}-]+\s+){0,2}?${NOT_THE_HOLDER}${RUNS}\s+$`,
  'iu',
);
/** "former Fiat chief executive X": a past holder, whatever stands between. */
const PAST_BEFORE = /\b(?:former|ex|then|late)[-\s]+$/i;

/** LEADS for a person whom the words between call the organisation's leader, else the kind's own type. */
function relationType(kind: RelationKind, text: string, head: Slot, tail: Slot): RelationType {
  if (kind !== 'WORKS_FOR') return WRITES[kind];
  const leads =
    head.end <= tail.start
      ? RUNS_OF_ORG.test(text.slice(head.end, tail.start))
      : ORG_RUN_BY.test(text.slice(tail.end, head.start)) && !PAST_BEFORE.test(text.slice(Math.max(0, tail.start - 20), tail.start));
  return leads ? 'LEADS' : 'WORKS_FOR';
}

export type LearnedRelation = Relation & { confidence: number };

/**
 * The classifier's relations between the slots of one sentence, best per pair of entities; pairs for which
 * `related(a, b)` is already true (the rules stated something), or that `refuse` turns down, are skipped.
 */
export function learnedRelations(
  text: string,
  sentence: Span,
  slots: Slot[],
  related: (a: string, b: string) => boolean,
  refuse: (kind: RelationKind, head: Slot, tail: Slot) => boolean = () => false,
  model: RelationModel | undefined = relationModel(),
): LearnedRelation[] {
  if (!model || slots.length < 2) return [];
  let words: ReturnType<typeof sentenceWords> | undefined;
  const best = new Map<string, LearnedRelation>();
  for (const kind of Object.keys(RELATION_KINDS) as RelationKind[]) {
    const { head: headType, tail: tailType } = RELATION_KINDS[kind];
    const { weights, threshold } = model.kinds[kind];
    for (const head of slots) {
      if (head.type !== headType) continue;
      for (const tail of slots) {
        if (tail.type !== tailType || tail.id === head.id || related(head.id, tail.id)) continue;
        if (head.refers || tail.refers) continue;
        if (Math.max(head.start, tail.start) - Math.min(head.end, tail.end) > MAX_DISTANCE) continue;
        if (kind === 'WORKS_FOR' && head.end <= tail.start && BARE_AT.test(text.slice(head.end, tail.start))) continue;
        const gap = text.slice(Math.min(head.end, tail.end), Math.max(head.start, tail.start));
        if (VERSUS.test(gap) || LIST_ITEMS.test(gap) || refuse(kind, head, tail)) continue;
        if (kind === 'WORKS_FOR' && SHADOW_BEFORE.test(text.slice(Math.max(0, tail.start - 10), tail.start))) continue;
        if (kind === 'WORKS_FOR' && head.end <= tail.start && (AND_OTHERS.test(gap) || describesNextPerson(text, slots, tail))) continue;
        // Another person between the two is the nearer candidate: "X beat Y at the Z Open", "X met Y of Z".
        if (kind === 'WORKS_FOR' && slots.some((s) => s.type === 'Person' && s.id !== head.id && between(s, head, tail))) continue;
        words ??= sentenceWords(text, sentence);
        const others: PairMention[] = slots.filter((s) => s !== head && s !== tail);
        const p = probability(weights, pairFeatures(text, words, head, tail, others));
        if (p < threshold) continue;
        const key = `${kind}|${head.id}|${tail.id}`;
        const confidence = Math.round(p * 1000) / 1000;
        if ((best.get(key)?.confidence ?? -1) < confidence) {
          best.set(key, { type: relationType(kind, text, head, tail), source: head.id, target: tail.id, evidence: sentence, confidence });
        }
      }
    }
  }
  return [...best.values()];
}
