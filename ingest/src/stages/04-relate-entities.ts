/**
 * Stage 4: resolved entities -> co-mention links and typed, directed
 * relations, each with the sentence that supports it.
 */
import type { CoMention, ExtractedEntity, Relation, Span } from '../../../core/src/model.js';
import { coMentions } from '../relate/co-mentions.js';
import { learnedRelations, type LearnedRelation } from '../relate/learned-relations.js';
import { meetingsIn } from '../relate/meetings.js';
import { namesakeBodies } from '../relate/namesake-bodies.js';
import { withReferringSlots } from '../relate/referring-slots.js';
import type { RelationKind } from '../relate/relation-model.js';
import { LIST_CONTINUES, LIST_TYPES, matchPair, notBasedThere, type RuleHit } from '../relate/relation-rules.js';
import { sentenceSlots, type Slot } from '../relate/sentence-slots.js';
import { titleCoreference, type AnalysedText } from '../relate/title-coreference.js';
import type { TextAnalysis } from '../resolve/text-analysis.js';

const MAX_GAP = 160;
const CONTEXT = 80;

export interface RelateOptions {
  /** The article's headline with its own mentions: "X Rejects South Korean President's Offer" qualifies a title. */
  headline?: AnalysedText;
}

export function relateEntities(
  text: string,
  analysis: TextAnalysis,
  entities: ExtractedEntity[],
  options: RelateOptions = {},
): { links: CoMention[]; relations: Relation[] } {
  const links = coMentions(analysis.sentences, entities);
  const names = new Map(entities.map((e) => [e.id, e.name]));
  const orgName = (id: string) => names.get(id) ?? '';

  const relations: Relation[] = [];
  const seen = new Set<string>();
  const add = (r: Relation) => {
    const k = `${r.type}|${r.source}|${r.target}`;
    if (r.source === r.target || seen.has(k)) return;
    seen.add(k);
    relations.push(r);
  };
  const offers: Array<{ hit: RuleHit; evidence: Span }> = [];

  // "He" and "the chancellor" stand in for the person they plainly refer to, so "… He met Moon" relates them.
  const sentences = withReferringSlots(text, analysis.sentences, sentenceSlots(analysis.sentences, entities, 1, analysis.mentions));
  for (const { sentence, slots } of sentences) {
    const evidence = { start: sentence.start, end: sentence.end };
    for (const meeting of meetingsIn(text, sentence, slots)) add(meeting);
    for (const fact of namesakeBodies(text, sentence, slots, orgName)) add(fact);
    for (let i = 0; i + 1 < slots.length; i++) {
      const [a, b] = [slots[i]!, slots[i + 1]!];
      // No rule spans more words than this between two actors; longer gaps are skipped unread.
      if (b.start - a.end > MAX_GAP) continue;
      const ctx = {
        a,
        b,
        gap: text.slice(a.end, b.start),
        before: text.slice(Math.max(i > 0 ? slots[i - 1]!.end : sentence.start, a.start - CONTEXT), a.start),
        after: text.slice(b.end, Math.min(i + 2 < slots.length ? slots[i + 2]!.start : sentence.end, b.end + CONTEXT)),
      };
      for (const hit of matchPair(ctx, orgName)) {
        add({ type: hit.type, source: hit.source.id, target: hit.target.id, evidence });
        if (hit.againstOffer) offers.push({ hit, evidence });
        if (!LIST_TYPES.has(hit.type) || hit.target !== b) continue;
        // "ties with Washington and Tokyo": the list after the target shares the relation.
        for (let j = i + 1; j + 1 < slots.length && LIST_CONTINUES.test(text.slice(slots[j]!.end, slots[j + 1]!.start)); j++) {
          add({ type: hit.type, source: hit.source.id, target: slots[j + 1]!.id, evidence });
        }
      }
    }
  }

  const body = { text, analysis };
  for (const r of titleCoreference(body, entities, analysis.sentences, relations, options.headline)) add(r);

  // Rejecting a head of state's offer opposes the state: "X dismissed President Y's proposal".
  for (const { hit, evidence } of offers) {
    if (hit.target.type !== 'Person') continue;
    for (const led of relations.filter((r) => r.type === 'LEADS' && r.source === hit.target.id && r.target !== hit.source.id)) {
      add({ type: 'OPPOSES', source: hit.source.id, target: led.target, evidence });
    }
  }

  // Where the rules stated nothing between two actors, the learned classifier may: one fact per pair, from its
  // best sentence; LEADS wins over WORKS_FOR when one sentence calls the person the organisation's head.
  const pairs = new Set(relations.flatMap((r) => [`${r.source}|${r.target}`, `${r.target}|${r.source}`]));
  const learned = new Map<string, LearnedRelation>();
  // What refuses a rule's BASED_IN refuses the classifier's too: "China's WTO entry" is no WTO in China.
  const refuse = (kind: RelationKind, org: Slot) => kind === 'BASED_IN' && notBasedThere(orgName(org.id), text.slice(org.end, org.end + 40));
  for (const { sentence, slots } of sentences) {
    for (const r of learnedRelations(text, sentence, slots, (a, b) => pairs.has(`${a}|${b}`), refuse)) {
      const key = `${r.source}|${r.target}`;
      const held = learned.get(key);
      const rank = (x: LearnedRelation) => (x.type === 'LEADS' ? 1 : 0);
      if (!held || rank(r) > rank(held) || (rank(r) === rank(held) && r.confidence > held.confidence)) learned.set(key, r);
    }
  }
  for (const r of learned.values()) add(r);
  return { links, relations };
}
