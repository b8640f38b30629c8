/**
 * A small invented news world for the API tests, loaded through ingest's own
 * writer (writeArticles) from hand-made extractions, so the tests read the
 * graph exactly as ingest leaves it. Sentences are split on ". "; every
 * listed spelling found in the text becomes a mention; actors named in the
 * same sentence are linked, with that sentence as evidence.
 *
 * Who meets whom: Marta Quinlan and Tobias Renn meet; Renn talks to Ilse
 * Varga; Quinlan and Varga are never named together (two hops apart, via
 * Renn or via Norway).
 */
import { createHash } from 'node:crypto';
import type { Article, EntityType, Extraction, RelationType, Span } from '../../core/src/model.js';
import type { Graph } from '../../core/src/neo4j/connect.js';
import { writeArticles } from '../../core/src/queries/ingest.js';

interface ActorSpec {
  id: string;
  type: EntityType;
  name: string;
  /** Every spelling that names it in the fixture texts (longest first wins). */
  spellings: string[];
  iso2?: string;
}

export const ACTORS = {
  quinlan: { id: 'person:marta-quinlan', type: 'Person', name: 'Marta Quinlan', spellings: ['Marta Quinlan', 'Quinlan'] },
  renn: { id: 'person:tobias-renn', type: 'Person', name: 'Tobias Renn', spellings: ['Tobias Renn', 'Toby Renn', 'Renn'] },
  varga: { id: 'person:ilse-varga', type: 'Person', name: 'Ilse Varga', spellings: ['Ilse Varga', 'Varga'] },
  alliance: { id: 'org:harbour-alliance', type: 'Organization', name: 'Harbour Alliance', spellings: ['Harbour Alliance'] },
  ministry: { id: 'org:trade-ministry', type: 'Organization', name: 'Trade Ministry', spellings: ['Trade Ministry'] },
  norway: { id: 'country:NO', type: 'Country', name: 'Norway', spellings: ['Norway'], iso2: 'NO' },
  chile: { id: 'country:CL', type: 'Country', name: 'Chile', spellings: ['Chile'], iso2: 'CL' },
  // A second "Renn" so search has two candidates to tell apart by counts.
  otherRenn: { id: 'person:aldo-renn', type: 'Person', name: 'Aldo Renn', spellings: ['Aldo Renn'] },
} satisfies Record<string, ActorSpec>;

interface ArticleSpec {
  id: string;
  title: string;
  published: string;
  source: string;
  text: string;
  relations?: Array<[RelationType, ActorSpec, ActorSpec, number]>;
}

export const ARTICLES: ArticleSpec[] = [
  {
    id: 'https://example.test/news/quinlan-renn-talks',
    title: 'Quinlan and Renn hold harbour talks',
    published: '2025-01-10',
    source: 'Example Courier',
    text:
      'Marta Quinlan met Tobias Renn in Oslo on Monday. ' +
      'Quinlan said Norway would back the Harbour Alliance. ' +
      'Renn leads the Harbour Alliance.',
    relations: [
      ['MET_WITH', ACTORS.quinlan, ACTORS.renn, 0],
      ['LEADS', ACTORS.renn, ACTORS.alliance, 2],
    ],
  },
  {
    id: 'https://example.test/news/renn-varga-quotas',
    title: 'Fishing quotas on the table',
    published: '2025-02-03',
    source: 'Example Wire',
    text:
      'Toby Renn spoke with Ilse Varga about fishing quotas. ' +
      'Varga works for the Trade Ministry of Chile. ' +
      'Chile and the Harbour Alliance signed a pact. ' +
      'Renn said the Harbour Alliance would help.',
    relations: [
      ['WORKS_FOR', ACTORS.varga, ACTORS.ministry, 1],
      ['PART_OF', ACTORS.ministry, ACTORS.chile, 1],
    ],
  },
  {
    id: 'https://example.test/news/varga-norway',
    title: 'Varga criticises Norway',
    published: '2025-03-15',
    source: 'Example Courier',
    text: 'Ilse Varga criticised Norway over the pact. The Harbour Alliance called a summit.',
    relations: [['OPPOSES', ACTORS.varga, ACTORS.norway, 0]],
  },
  {
    id: 'https://example.test/news/aldo-renn',
    title: 'A chef in Santiago',
    published: '2025-03-20',
    source: 'Example Wire',
    text: 'Aldo Renn opened a restaurant in Chile.',
  },
];

function sentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const part of text.split(/(?<=\.) /)) {
    spans.push({ start, end: start + part.length });
    start += part.length + 1;
  }
  return spans;
}

/** Every occurrence of each actor's spellings, longest spelling first, without overlaps. */
function findMentions(text: string): Map<ActorSpec, Array<Span & { text: string }>> {
  const taken: Span[] = [];
  const found = new Map<ActorSpec, Array<Span & { text: string }>>();
  const spellings = Object.values(ACTORS)
    .flatMap((actor) => actor.spellings.map((s) => ({ actor: actor as ActorSpec, s })))
    .sort((a, b) => b.s.length - a.s.length);
  for (const { actor, s } of spellings) {
    for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) {
      const span = { start: i, end: i + s.length };
      if (taken.some((t) => span.start < t.end && t.start < span.end)) continue;
      taken.push(span);
      const list = found.get(actor) ?? [];
      list.push({ ...span, text: s });
      found.set(actor, list);
    }
  }
  for (const list of found.values()) list.sort((a, b) => a.start - b.start);
  return found;
}

export function buildItem(spec: ArticleSpec): { article: Article; extraction: Extraction } {
  const article: Article = {
    id: spec.id,
    title: spec.title,
    text: spec.text,
    source: spec.source,
    url: spec.id,
    published: spec.published,
    topics: ['fixture'],
    contentHash: createHash('sha256').update(spec.text).digest('hex'),
  };
  const mentions = findMentions(spec.text);
  const spans = sentences(spec.text);
  const links: Extraction['links'] = [];
  for (const span of spans) {
    const inside = [...mentions.keys()].filter((a) => mentions.get(a)!.some((m) => m.start >= span.start && m.end <= span.end));
    for (let i = 0; i < inside.length; i++) {
      for (let j = i + 1; j < inside.length; j++) {
        links.push({ source: inside[i].id, target: inside[j].id, weight: 1, evidence: [span] });
      }
    }
  }
  const extraction: Extraction = {
    id: spec.id,
    entities: [...mentions.entries()].map(([actor, list]) => ({
      id: actor.id,
      type: actor.type,
      name: actor.name,
      aliases: [...new Set(list.map((m) => m.text))].filter((s) => s !== actor.name),
      ...(actor.iso2 && { iso2: actor.iso2 }),
      mentions: list,
    })),
    links,
    relations: (spec.relations ?? []).map(([type, source, target, sentence]) => ({
      type,
      source: source.id,
      target: target.id,
      evidence: spans[sentence],
    })),
  };
  return { article, extraction };
}

/** Loads the fixture world into an (emptied) test graph. */
export async function loadFixtures(graph: Graph): Promise<void> {
  await writeArticles(graph, ARTICLES.map(buildItem));
}
