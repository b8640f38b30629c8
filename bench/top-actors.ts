/**
 * The first screen on a real corpus: ingests it into an empty embedded Neo4j (as `npm run ingest` does), asks for
 * the 100 most mentioned actors as `GET /api/top?limit=100` does, and lists them with what looks wrong: a name
 * that is no actor (a product, holiday, place, law, group of people, everyday word) and two nodes that look like
 * one actor (a shared spelling, a known short form, a surname of another top person, one name inside the other).
 * The suspects are for a person to judge; the bench exits 0 either way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openGraph } from '../core/src/neo4j/connect.js';
import { resolveNeo4jConfig } from '../core/src/config.js';
import { surfaceKey } from '../core/src/entity-keys.js';
import { startEmbeddedNeo4j } from '../core/src/neo4j/embedded.js';
import { topEntities } from '../core/src/queries/top.js';
import { isNonActorName } from '../ingest/src/nlp/non-actors.js';
import { knownOrganisation } from '../ingest/src/resolve/known-organisations.js';
import { DEFAULT_CORPUS } from './corpus.js';
import { runIngest } from './ingest.js';

export interface TopActor {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  mentions: number;
}

export interface TopActorsResult {
  actors: TopActor[];
  nonActors: Array<{ actor: TopActor; why: string }>;
  duplicates: Array<{ a: TopActor; b: TopActor; why: string }>;
}

/** The project's own spelling key (accents, case, dots and dashes folded), less a leading "the". */
const fold = (s: string): string => surfaceKey(s).replace(/^the /, '');

/** What looks wrong among the top actors; pure, so tests and the bench share it. */
export function judgeTopActors(actors: TopActor[]): TopActorsResult {
  const nonActors: TopActorsResult['nonActors'] = [];
  for (const actor of actors) {
    if (actor.type !== 'Country' && !knownOrganisation(actor.name) && isNonActorName(actor.name)) nonActors.push({ actor, why: 'names no actor (product, place, event, law, group)' });
    else if (actor.type !== 'Country' && /^[A-Z]{2,3}$/.test(actor.name) && !knownOrganisation(actor.name)) nonActors.push({ actor, why: 'short acronym the shipped list does not know: check' });
  }
  const duplicates: TopActorsResult['duplicates'] = [];
  for (let i = 0; i < actors.length; i++) {
    for (let j = i + 1; j < actors.length; j++) {
      const [a, b] = [actors[i]!, actors[j]!];
      // A first name two people share ("Andy") is no sign; one's name among the other's spellings is.
      const spellings = (x: TopActor) => new Set([x.name, ...x.aliases].map(fold));
      let why: string | undefined;
      if (spellings(b).has(fold(a.name)) || spellings(a).has(fold(b.name))) why = 'share a spelling';
      else if (a.type === 'Organization' && b.type === 'Organization' && knownOrganisation(a.name) && knownOrganisation(a.name) === knownOrganisation(b.name)) why = 'one organisation by the shipped list';
      else if (a.type === 'Person' && b.type === 'Person') {
        const last = (x: TopActor) => fold(x.name).split(/\s+/).pop()!;
        const single = (x: TopActor) => !fold(x.name).includes(' ');
        if ((single(a) && last(b) === fold(a.name)) || (single(b) && last(a) === fold(b.name))) why = 'a surname of the other';
      } else if (a.type === b.type) {
        const [fa, fb] = [fold(a.name), fold(b.name)];
        if (fa.length >= 3 && fb.length >= 3 && (fb.startsWith(fa + ' ') || fa.startsWith(fb + ' ') || fb.endsWith(' ' + fa) || fa.endsWith(' ' + fb))) why = 'one name inside the other';
      }
      if (why) duplicates.push({ a, b, why });
    }
  }
  return { actors, nonActors, duplicates };
}

export async function benchTopActors(corpusPath = DEFAULT_CORPUS, limit = 100): Promise<TopActorsResult> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'actorgraph-bench-top-'));
  const db = await startEmbeddedNeo4j({ dataDir, heap: '2g', pageCacheMb: 1024, lifetime: 'batch' });
  try {
    await runIngest(db.uri, corpusPath);
    const graph = await openGraph({ ...resolveNeo4jConfig({}), uri: db.uri });
    try {
      const top = await topEntities(graph, { by: 'mentions', limit });
      const actors = top.nodes.map(({ data }) => {
        const d = data as unknown as { id: string; type: string; label?: string; name?: string; aliases?: string[]; mentionCount?: number };
        return { id: d.id, type: d.type, name: d.name ?? d.label ?? d.id, aliases: d.aliases ?? [], mentions: d.mentionCount ?? 0 };
      });
      return judgeTopActors(actors);
    } finally {
      await graph.driver.close();
    }
  } finally {
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function formatTopActors(result: TopActorsResult): string {
  const lines = [`top actors: the ${result.actors.length} most mentioned after ingesting the corpus`];
  lines.push('  ' + result.actors.map((a) => `${a.name} (${a.type[0]}, ${a.mentions})`).join(', '));
  lines.push(`  not actors: ${result.nonActors.length}${result.nonActors.map((n) => `\n    ${n.actor.name} [${n.actor.id}]: ${n.why}`).join('')}`);
  lines.push(`  one actor, two nodes: ${result.duplicates.length}${result.duplicates.map((d) => `\n    ${d.a.name} [${d.a.id}] / ${d.b.name} [${d.b.id}]: ${d.why}`).join('')}`);
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  console.log(formatTopActors(await benchTopActors(process.argv[2] ?? DEFAULT_CORPUS)));
}
