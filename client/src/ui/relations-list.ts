/**
 * The typed relations between a link's two actors, as the link panel lists them: who does what to whom,
 * in how many articles, and how it was found — by the rules, or by the learned classifier with its
 * confidence, so an analyst knows which facts to check first.
 */
import type { EvidenceSentence, LinkRelation } from '../api-types.js';
import { el } from '../dom.js';

/** How a relation was found, in words: "found by the rules" or "learned, 87% sure". */
export function provenance(relation: LinkRelation): string {
  if (relation.foundBy === 'rules') return 'found by the rules';
  return relation.confidence === undefined ? 'learned' : `learned, ${Math.round(relation.confidence * 100)}% sure`;
}

export function relationsList(relations: LinkRelation[], nameOf: (id: string) => string): HTMLElement {
  const list = el('ul', { class: 'relations' });
  for (const relation of relations) {
    const articles = relation.articles ?? 0;
    list.append(
      el(
        'li',
        { class: 'relation-fact' },
        `${nameOf(relation.source)} `,
        el('span', { class: 'relation' }, relation.type),
        ` ${nameOf(relation.target)}`,
        el('span', { class: 'muted' }, ` — ${articles} article${articles === 1 ? '' : 's'}, ${provenance(relation)}`),
      ),
    );
  }
  return list;
}

/** Each evidence sentence labelled with the relations it states ("MET_WITH", "WORKS_FOR · learned, 87% sure"). */
export function labelStatements(sentences: EvidenceSentence[], relations: LinkRelation[]): EvidenceSentence[] {
  return sentences.map((sentence) => {
    const stated = relations.filter((r) => sentence.id !== undefined && r.sentences.includes(sentence.id));
    if (stated.length === 0) return sentence;
    const label = stated.map((r) => (r.foundBy === 'rules' ? r.type : `${r.type} · ${provenance(r)}`)).join(', ');
    return { ...sentence, relation: label };
  });
}
