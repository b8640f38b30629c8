/**
 * A synthetic actor graph for the API benchmark: N entities with pronounceable
 * names and M co-mention links whose degrees follow a power law (a few hubs,
 * a long tail), like actors in the news. Written with batched UNWIND
 * statements, exactly in the shape of docs/graph-model.md (strongest-links lists included).
 */
import { seededRandom } from '../core/src/seeded-random.js';
import type { Graph } from '../core/src/neo4j/connect.js';
import type { EntityType } from '../core/src/model.js';
import { fillTopLinks } from '../core/src/queries/migrations.js';

export interface GenerateOptions {
  entities: number;
  links: number;
  /** Zipf exponent of how often an entity is an end of a link (0 = uniform). */
  skew?: number;
  seed?: number;
  batchSize?: number;
  /** false: only compute the graph (ids, names, ranks), e.g. to query one generated earlier with the same seed. */
  write?: boolean;
  onProgress?: (done: number, total: number, what: string) => void;
}

export interface GeneratedGraph {
  entities: number;
  links: number;
  /** Ids in rank order: index 0 is the biggest hub. */
  ids: string[];
  names: string[];
  seconds: number;
}


/** Draws ranks 0..n-1 with P(k) ∝ (k+1)^-skew, by binary search over the cumulative weights. */
export function zipfSampler(n: number, skew: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) cumulative[k] = sum += Math.pow(k + 1, -skew);
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const SYLLABLES = ['ka', 'lo', 'mir', 'ten', 'sa', 'vor', 'li', 'na', 'dre', 'po', 'zan', 'ko', 'bel', 'ri', 'tas', 'ul', 'fen', 'go', 'mar', 'eth'];
const TYPES: EntityType[] = ['Person', 'Person', 'Organization', 'Country'];
const PREFIX: Record<EntityType, string> = { Person: 'person', Organization: 'org', Country: 'country' };

function word(random: () => number): string {
  const n = 2 + Math.floor(random() * 2);
  let w = '';
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return w[0].toUpperCase() + w.slice(1);
}

function isoDay(random: () => number): string {
  const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(random() * 3650) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

export async function generateGraph(graph: Graph, options: GenerateOptions): Promise<GeneratedGraph> {
  const started = Date.now();
  const random = seededRandom(options.seed ?? 42);
  const batch = options.batchSize ?? 10_000;
  const run = (cypher: string, params: Record<string, unknown>) =>
    graph.driver.executeQuery(cypher, params, { database: graph.database });

  const ids: string[] = [];
  const names: string[] = [];
  const types: EntityType[] = [];
  for (let i = 0; i < options.entities; i++) {
    const type = TYPES[Math.floor(random() * TYPES.length)];
    const name = `${word(random)} ${word(random)}`;
    ids.push(`${PREFIX[type]}:gen-${i}`);
    names.push(name);
    types.push(type);
  }

  // Links first (in memory), so each entity's counts can be written with it.
  const draw = zipfSampler(options.entities, options.skew ?? 0.75, random);
  const seen = new Set<number>();
  const links: Array<{ s: number; t: number; weight: number; articles: number; first: string; last: string }> = [];
  const degree = new Uint32Array(options.entities);
  let attempts = 0;
  while (links.length < options.links && attempts < options.links * 20) {
    attempts++;
    const a = draw();
    const b = draw();
    if (a === b) continue;
    const [s, t] = ids[a] < ids[b] ? [a, b] : [b, a];
    const key = s * options.entities + t;
    if (seen.has(key)) continue;
    seen.add(key);
    const articles = 1 + Math.floor(-Math.log(1 - random()) * 1.5);
    const [d1, d2] = [isoDay(random), isoDay(random)].sort();
    links.push({ s, t, weight: articles + Math.floor(random() * articles * 2), articles, first: d1, last: d2 });
    degree[a]++;
    degree[b]++;
  }

  for (let i = 0; options.write !== false && i < options.entities; i += batch) {
    const rows = [];
    for (let k = i; k < Math.min(i + batch, options.entities); k++) {
      rows.push({
        id: ids[k],
        type: types[k],
        name: names[k],
        aliases: [names[k].split(' ')[1]],
        mentionCount: degree[k] * 2 + 1,
        articleCount: degree[k] + 1,
      });
    }
    await run(
      `UNWIND $rows AS r
       CALL (r) {
         CREATE (e:Entity {id: r.id}) SET e:$(r.type), e.type = r.type, e.name = r.name, e.aliases = r.aliases,
           e.mentionCount = r.mentionCount, e.articleCount = r.articleCount, e.hidden = false, e.version = 0
       }`,
      { rows },
    );
    options.onProgress?.(Math.min(i + batch, options.entities), options.entities, 'entities');
  }

  for (let i = 0; options.write !== false && i < links.length; i += batch) {
    const rows = links.slice(i, i + batch).map((l) => ({
      s: ids[l.s],
      t: ids[l.t],
      weight: l.weight,
      articles: l.articles,
      first: l.first,
      last: l.last,
    }));
    await run(
      `UNWIND $rows AS r
       MATCH (a:Entity {id: r.s}), (b:Entity {id: r.t})
       CREATE (a)-[:LINKED {weight: r.weight, articles: r.articles, firstSeen: r.first, lastSeen: r.last, manual: false}]->(b)`,
      { rows },
    );
    options.onProgress?.(Math.min(i + batch, links.length), links.length, 'links');
  }
  // Each entity's strongest-links list, as ingest keeps it (top-links.ts): the same step a store migrating to
  // graph version 3 runs.
  if (options.write !== false) {
    await fillTopLinks(graph);
    options.onProgress?.(options.entities, options.entities, 'strongest-links lists');
  }
  await run('CALL db.awaitIndexes(600)', {});

  // Rank order: the biggest hubs first, for picking realistic query targets.
  const order = [...ids.keys()].sort((x, y) => degree[y] - degree[x]);
  return {
    entities: options.entities,
    links: links.length,
    ids: order.map((k) => ids[k]),
    names: order.map((k) => names[k]),
    seconds: (Date.now() - started) / 1000,
  };
}
