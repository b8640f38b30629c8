/**
 * "The South Korean president" (no name) and "President Lee" (no country) in
 * one article are the same office: when exactly one country qualifies a
 * leader title and exactly one person bears that bare title, that person
 * LEADS that country. The qualified title may be in the headline.
 */
import type { ExtractedEntity, Relation, Span } from '../../../core/src/model.js';
import { LEADER_TITLE } from '../resolve/person-titles.js';
import type { TextAnalysis } from '../resolve/text-analysis.js';
import { sentenceIndexOf } from '../resolve/text-analysis.js';

/** A text with its mentions: the body, or the headline. */
export interface AnalysedText {
  text: string;
  analysis: TextAnalysis;
}

const TITLE_BEFORE = new RegExp(`(?:^|[^\\p{L}.])(${LEADER_TITLE})\\s+$`, 'iu');
const TITLE_AT_START = new RegExp(`^(${LEADER_TITLE})\\s+`, 'iu');
const TITLE_AFTER = new RegExp(`^(?:[’']s)?\\s+(${LEADER_TITLE})(?![\\p{L}-])`, 'iu');
const key = (title: string) => title.toLowerCase().replace(/[\s-]+/g, ' ');

/**
 * Leader titles qualified by a country with no name after them: title ->
 * country ids. A title followed by a person's mention, or (in a headline,
 * where every word has a capital) by a word of a person's name, names its
 * holder: that is the apposition rule's job.
 */
function qualifiedTitles(source: AnalysedText, nameWords: Set<string>, into: Map<string, Set<string>>) {
  const { text, analysis } = source;
  const personStarts = new Set(analysis.mentions.filter((m) => m.type === 'Person').map((m) => m.start));
  for (const mention of analysis.mentions) {
    if (mention.type !== 'Country' || !mention.iso2) continue;
    const m = TITLE_AFTER.exec(text.slice(mention.end, mention.end + 40));
    if (!m) continue;
    const end = mention.end + m[0].length;
    const next = /^\s+([\p{L}-]+)/u.exec(text.slice(end, end + 40));
    if (next && (personStarts.has(end + next[0].length - next[1]!.length) || nameWords.has(next[1]!.toLowerCase()))) continue;
    const titles = into.get(key(m[1]!)) ?? new Set<string>();
    titles.add(`country:${mention.iso2.toUpperCase()}`);
    into.set(key(m[1]!), titles);
  }
}

/** Whether a country or organisation mention ends just before the title ("U.S. President", "Acme's chief"). */
function qualifiedHere(text: string, ends: Set<number>, titleStart: number): boolean {
  for (let d = 0; d <= 3; d++) {
    if (ends.has(titleStart - d) && /^(?:[’']s?)?\s*$/u.test(text.slice(titleStart - d, titleStart))) return true;
  }
  return false;
}

export function titleCoreference(
  body: AnalysedText,
  entities: ExtractedEntity[],
  sentences: Span[],
  known: Relation[],
  headline?: AnalysedText,
): Relation[] {
  const nameWords = new Set(
    entities.filter((e) => e.type === 'Person').flatMap((e) => [e.name, ...e.aliases].flatMap((n) => n.toLowerCase().split(/\s+/))),
  );
  const qualified = new Map<string, Set<string>>();
  qualifiedTitles(body, nameWords, qualified);
  if (headline) qualifiedTitles(headline, nameWords, qualified);
  if (qualified.size === 0) return [];

  // Countries right before a mention: "U.S. President X" is qualified, not bare.
  const countryEnds = new Set(body.analysis.mentions.filter((m) => m.type !== 'Person').map((m) => m.end));
  const bare = new Map<string, Map<string, Span>>(); // title -> person id -> first titled mention
  for (const entity of entities) {
    if (entity.type !== 'Person') continue;
    for (const mention of entity.mentions) {
      const sliceStart = Math.max(0, mention.start - 40);
      const inside = TITLE_AT_START.exec(mention.text);
      const outside = inside ? null : TITLE_BEFORE.exec(body.text.slice(sliceStart, mention.start));
      const m = inside ?? outside;
      if (!m) continue;
      const titleStart = inside ? mention.start : sliceStart + m.index + m[0].indexOf(m[1]!);
      if (qualifiedHere(body.text, countryEnds, titleStart)) continue;
      // "former President X" held the office once: no LEADS.
      if (/\b(?:former|ex|late|then|previous)[\s-]*$/i.test(body.text.slice(Math.max(0, titleStart - 12), titleStart))) continue;
      const people = bare.get(key(m[1]!)) ?? new Map<string, Span>();
      if (!people.has(entity.id)) people.set(entity.id, mention);
      bare.set(key(m[1]!), people);
    }
  }

  const ids = new Set(entities.map((e) => e.id));
  // Offices already filled by an apposition ("U.S. President Donald Trump") are out of the guessing.
  const leaders = new Set(known.filter((r) => r.type === 'LEADS').map((r) => r.source));
  const led = new Set(known.filter((r) => r.type === 'LEADS').map((r) => r.target));
  const out: Relation[] = [];
  for (const [title, qualifiedBy] of qualified) {
    const countries = [...qualifiedBy].filter((c) => ids.has(c) && !led.has(c));
    const people = [...(bare.get(title) ?? new Map<string, Span>()).entries()].filter(([id]) => !leaders.has(id));
    if (countries.length !== 1 || people.length !== 1) continue;
    const country = countries[0]!;
    const [person, mention] = people[0]!;
    const s = sentenceIndexOf(sentences, [mention])[0]!;
    const evidence = s >= 0 ? { ...sentences[s]! } : { start: mention.start, end: mention.end };
    out.push({ type: 'LEADS', source: person, target: country, evidence });
  }
  return out;
}
