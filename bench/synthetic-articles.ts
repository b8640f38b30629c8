/**
 * Synthetic articles with their extractions, for replaying ingest's writes at
 * scale without the NLP (`npm run bench -- scale`). Actors are drawn Zipf from
 * a fixed population whose top ranks are country and leader hubs, so a few
 * pairs appear in a large share of articles, as in the news; links come from
 * the pipeline's own co-mention rule. Article `index` at `revision` is a pure
 * function of the seed, so a test can rebuild any article or a changed text.
 */
import { createHash } from 'node:crypto';
import { seededRandom } from '../core/src/seeded-random.js';
import type { EntityType, ExtractedEntity, Relation, RelationType, Span } from '../core/src/model.js';
import type { LoadItem } from '../core/src/queries/ingest-rows.js';
import { coMentions } from '../ingest/src/relate/co-mentions.js';
import { zipfSampler } from './generate-graph.js';

export interface SyntheticOptions {
  seed?: number;
  /** Size of the actor population. */
  actors?: number;
  /** Zipf exponent of how often an actor is named (rank 0 is the biggest hub). */
  skew?: number;
}

export interface SyntheticActor {
  id: string;
  type: EntityType;
  name: string;
  iso2?: string;
}

export interface SyntheticCorpus {
  /** The actor at a rank: 0 is the biggest hub. */
  actor(rank: number): SyntheticActor;
  /** Article `index`; a later `revision` is the same article (same id and origin) with another text. */
  article(index: number, revision?: number): LoadItem;
}

/** Ranks below this alternate country (even) and its leader (odd): the hubs and hub pairs of the news. */
const HUB_RANKS = 200;
const SYLLABLES = ['ka', 'lo', 'mir', 'ten', 'sa', 'vor', 'li', 'na', 'dre', 'po', 'zan', 'ko', 'bel', 'ri', 'tas', 'ul', 'fen', 'go', 'mar', 'eth'];
const VERBS = ['met', 'spoke with', 'criticised', 'praised', 'signed a deal with', 'called', 'visited', 'warned'];
const OTHER_RELATIONS: RelationType[] = ['MET_WITH', 'SUPPORTS', 'OPPOSES', 'ALLIED_WITH'];

function word(random: () => number, syllables = 2 + Math.floor(random() * 2)): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return w;
}

const isLeader = (rank: number) => rank < HUB_RANKS && rank % 2 === 1;
const capital = (w: string) => w[0].toUpperCase() + w.slice(1);

export function syntheticCorpus(options: SyntheticOptions = {}): SyntheticCorpus {
  const seed = options.seed ?? 42;
  const population = options.actors ?? 80_000;
  // One cumulative table for every article; each article draws with its own seeded stream.
  let random = seededRandom(seed);
  const draw = zipfSampler(population, options.skew ?? 0.8, () => random());

  function actor(rank: number): SyntheticActor {
    const r = seededRandom(seed * 7919 + rank);
    const name = `${capital(word(r))} ${capital(word(r))}`;
    if (rank < HUB_RANKS && rank % 2 === 0) {
      const k = rank / 2;
      const iso2 = String.fromCharCode(65 + Math.floor(k / 26), 65 + (k % 26));
      return { id: `country:${iso2}`, type: 'Country', name: capital(word(r, 3)), iso2 };
    }
    const type: EntityType = rank >= HUB_RANKS && rank % 10 < 3 ? 'Organization' : 'Person';
    const slug = name.toLowerCase().replace(' ', '-');
    return { id: `${type === 'Person' ? 'person' : 'org'}:${slug}-${rank}`, type, name };
  }

  function article(index: number, revision = 0): LoadItem {
    random = seededRandom(Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b) ^ Math.imul(revision, 0xc2b2ae35));
    // 5-25 actors, most articles near the low end; a leader brings their country along.
    const wanted = 5 + Math.floor(Math.pow(random(), 1.5) * 21);
    const ranks: number[] = [];
    for (let tries = 0; ranks.length < wanted && tries < wanted * 20; tries++) {
      const rank = draw();
      for (const r of isLeader(rank) ? [rank, rank - 1] : [rank]) if (!ranks.includes(r)) ranks.push(r);
    }
    // Rank order: the biggest hubs first, the ones sentences favour.
    ranks.sort((x, y) => x - y);
    const cast = ranks.map(actor);

    // Sentences: 3-15 naming two to four actors (evidence), one for each actor not named yet, then filler.
    const sentences: number[][] = [];
    const evidenceCount = Math.min(3 + Math.floor(random() * 13), cast.length * 2);
    for (let s = 0; s < evidenceCount; s++) {
      const names = new Set<number>();
      const size = Math.min(2 + Math.floor(random() * 3), cast.length);
      while (names.size < size) names.add(Math.floor(Math.pow(random(), 1.6) * cast.length));
      sentences.push([...names]);
    }
    const named = new Set(sentences.flat());
    for (let i = 0; i < cast.length; i++) if (!named.has(i)) sentences.push([i]);
    const filler = 4 + Math.floor(random() * 12);
    for (let s = 0; s < filler; s++) sentences.push([]);
    // Shuffled, so evidence is spread through the text.
    for (let i = sentences.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [sentences[i], sentences[j]] = [sentences[j], sentences[i]];
    }

    let text = '';
    const spans: Span[] = [];
    const mentions: Array<Array<Span & { text: string }>> = cast.map(() => []);
    const relations: Relation[] = [];
    for (const names of sentences) {
      const start = text.length;
      names.forEach((who, k) => {
        if (k > 0) text += k === names.length - 1 ? ' and ' : ', ';
        mentions[who].push({ start: text.length, end: text.length + cast[who].name.length, text: cast[who].name });
        text += cast[who].name;
      });
      if (names.length === 0) text += 'The';
      text += ` ${names.length > 0 ? VERBS[Math.floor(random() * VERBS.length)] : word(random)}`;
      for (let w = 6 + Math.floor(random() * 14); w > 0; w--) text += ` ${word(random)}`;
      text += '.';
      spans.push({ start, end: text.length });
      text += ' ';
      // A few typed facts: a leader named with their country leads it; now and then two actors meet or side.
      const leader = names.find((who) => isLeader(ranks[who]) && names.some((other) => ranks[other] === ranks[who] - 1));
      const evidence = spans[spans.length - 1];
      if (leader !== undefined) {
        relations.push({ type: 'LEADS', source: cast[leader].id, target: actor(ranks[leader] - 1).id, evidence });
      } else if (names.length >= 2 && random() < 0.15) {
        const type = OTHER_RELATIONS[Math.floor(random() * OTHER_RELATIONS.length)];
        relations.push({ type, source: cast[names[0]].id, target: cast[names[1]].id, evidence });
      }
    }
    text = text.trimEnd();

    const entities: ExtractedEntity[] = cast.map((who, i) => ({
      id: who.id,
      type: who.type,
      name: who.name,
      aliases: [],
      ...(who.iso2 ? { iso2: who.iso2 } : {}),
      mentions: mentions[i],
    }));
    const id = `https://synthetic.example/${seed}/${index}`;
    const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 366) * 86_400_000);
    return {
      article: {
        id,
        title: text.slice(0, text.indexOf(' ', 40) > 0 ? text.indexOf(' ', 40) : 40),
        text,
        url: id,
        source: 'synthetic',
        published: day.toISOString().slice(0, 10),
        topics: [],
        contentHash: createHash('sha256').update(text).digest('hex'),
        origin: `synthetic-${seed}.jsonl#${index}`,
      },
      extraction: { id, entities, links: coMentions(spans, entities), relations },
    };
  }

  return { actor, article };
}
