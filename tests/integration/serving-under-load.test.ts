// The API serving many clients at once (issue #16, item 5): one note edited by
// fifty analysts at the same moment loses nothing and tells every loser; reads
// and note writes from sixteen clients at once answer without a server error;
// and a Neo4j stopped and started while they run gives 503s, then full service,
// with the same server process throughout. Loopback only, bounded in requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTORS, ARTICLES, loadFixtures } from '../_setup/api-fixtures.js';
import { enc, startTestServer, type TestServer } from '../_setup/api-server.js';
import { startOwnNeo4j, type OwnNeo4j } from '../_setup/own-neo4j.js';

const { quinlan, renn, varga, alliance } = ACTORS;

/** The read routes an analyst's clicks make, one of each kind. */
const READS = [
  `/api/top?limit=40`,
  `/api/search?q=Renn`,
  `/api/entities/${enc(renn.id)}`,
  `/api/entities/${enc(renn.id)}/neighbours?depth=2&limit=50`,
  `/api/entities/${enc(alliance.id)}/timeline`,
  `/api/paths?from=${enc(quinlan.id)}&to=${enc(varga.id)}`,
  `/api/links/${enc(quinlan.id)}/${enc(renn.id)}/evidence`,
  `/api/articles/${enc(ARTICLES[0]!.id)}`,
];

/** Runs `clients` loops at once, each calling `next` until it returns false; every status and latency kept. */
async function runClients(clients: number, next: (client: number, request: number) => Promise<{ status: number } | false>) {
  const outcomes: Array<{ status: number; ms: number }> = [];
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let request = 0; ; request++) {
        const started = performance.now();
        const outcome = await next(client, request);
        if (!outcome) return;
        outcomes.push({ status: outcome.status, ms: performance.now() - started });
      }
    }),
  );
  return outcomes;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

describe('serving many analysts at once', () => {
  let neo4j: OwnNeo4j;
  let api: TestServer;

  beforeAll(async () => {
    // A database of its own: one test stops and restarts it.
    neo4j = await startOwnNeo4j('load');
    await loadFixtures(neo4j.graph);
    api = await startTestServer(neo4j.graph, { host: '127.0.0.1', localAnalyst: 'ana' });
  });
  afterAll(async () => {
    await api?.close();
    await neo4j?.close();
  });

  async function newNote(text: string): Promise<string> {
    const created = await api.call('POST', '/api/annotations', { body: { targetKind: 'entity', targetId: renn.id, text } });
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  it('fifty edits of one note from the same version: exactly one wins, the other 49 are told which version is current', async () => {
    const id = await newNote('original');
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => api.call('PATCH', `/api/annotations/${id}`, { body: { text: `edit ${i}`, version: 1 } })),
    );
    const winners = answers.filter((a) => a.status === 200);
    const losers = answers.filter((a) => a.status === 409);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(49);
    for (const loser of losers) expect(loser.body.error).toMatchObject({ code: 'conflict', details: { currentVersion: 2 } });

    const { body: note } = await api.call('GET', `/api/annotations/${id}`);
    expect(note).toMatchObject({ version: 2, text: winners[0]!.body.text });
    expect(note.history.map((h: { version: number; text: string }) => [h.version, h.text])).toEqual([[1, 'original']]);
  });

  it('fifty editors who reload and retry on a conflict: every edit lands once, each in a version of its own', async () => {
    const id = await newNote('original');
    const conflicts = { count: 0 };
    await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        for (;;) {
          const { body: current } = await api.call('GET', `/api/annotations/${id}`);
          const answer = await api.call('PATCH', `/api/annotations/${id}`, { body: { text: `edit ${i}`, version: current.version } });
          if (answer.status === 200) return;
          expect(answer.status).toBe(409);
          conflicts.count++;
        }
      }),
    );
    const { body: note } = await api.call('GET', `/api/annotations/${id}`);
    expect(note.version).toBe(51);
    const versions = [...note.history, note] as Array<{ version: number; text: string }>;
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: 51 }, (_, v) => v + 1));
    // Nothing lost, nothing doubled: the original and each editor's text exactly once.
    expect(versions.map((v) => v.text).sort()).toEqual(['original', ...Array.from({ length: 50 }, (_, i) => `edit ${i}`)].sort());
    expect(conflicts.count).toBeGreaterThan(0);
  });

  it('sixteen clients reading and writing notes at once get no server error', async () => {
    const noteId = await newNote('busy note');
    const perClient = 40;
    const outcomes = await runClients(16, async (client, request) => {
      if (request >= perClient) return false;
      // One request in eight writes: a new note, or an edit of the shared one at whatever version it has.
      if (request % 8 === 7) {
        if (client % 2 === 0) return api.call('POST', '/api/annotations', { body: { targetKind: 'entity', targetId: varga.id, text: `note ${client}/${request}` } });
        const { body: current } = await api.call('GET', `/api/annotations/${noteId}`);
        return api.call('PATCH', `/api/annotations/${noteId}`, { body: { text: `by ${client}/${request}`, version: current.version } });
      }
      return api.call('GET', READS[(client + request) % READS.length]!);
    });
    const statuses = outcomes.map((o) => o.status);
    expect(statuses).toHaveLength(16 * perClient);
    // 409 is an edit that lost a race and was told so; anything else but success is a failure.
    expect(statuses.filter((s) => s !== 200 && s !== 201 && s !== 409)).toEqual([]);
    const { body: notes } = await api.call('GET', `/api/annotations?targetKind=entity&targetId=${enc(varga.id)}`);
    expect(notes.annotations).toHaveLength(statuses.filter((s) => s === 201).length);
    console.log(`16 clients, ${outcomes.length} requests: p50 ${percentile(outcomes.map((o) => o.ms), 50).toFixed(0)} ms, p99 ${percentile(outcomes.map((o) => o.ms), 99).toFixed(0)} ms`);
  });

  it('Neo4j stopped and started under load: 503s meanwhile, then every route answers again from the same server', async () => {
    const before = await api.call('GET', `/api/entities/${enc(renn.id)}`);
    expect(before.status).toBe(200);
    type Phase = 'up' | 'down' | 'back';
    let phase = 'up' as Phase;
    let okAfterRestart = 0;
    let giveUpAt = Infinity;
    const seen: Record<Phase, number[]> = { up: [], down: [], back: [] };
    const load = runClients(8, async (client, request) => {
      if (phase === 'back' && (okAfterRestart >= 80 || Date.now() > giveUpAt)) return false;
      const at = phase;
      const answer = await api.call('GET', READS[(client + request) % READS.length]!);
      // One sent while Neo4j was up but answered after its stop began counts as sent during the outage.
      seen[at === 'up' ? phase : at].push(answer.status);
      if (at === 'back' && answer.status === 200) okAfterRestart++;
      // A client that was refused waits a moment, as the explorer does, instead of spinning.
      if (answer.status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
      return answer;
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // Requests sent from here on may meet a database that is shutting down.
    phase = 'down';
    await neo4j.stop();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await neo4j.start();
    phase = 'back';
    giveUpAt = Date.now() + 60_000;
    await load;

    expect(seen.up.length).toBeGreaterThan(0);
    expect(seen.up.filter((s) => s !== 200)).toEqual([]);
    // While it was down, or coming back, the only answers are success or "database unavailable".
    expect(seen.down.filter((s) => s !== 503 && s !== 200)).toEqual([]);
    expect(seen.down).toContain(503);
    expect(seen.back.filter((s) => s !== 503 && s !== 200)).toEqual([]);
    expect(okAfterRestart).toBeGreaterThanOrEqual(80);
    // What was stored before the stop is all there.
    const after = await api.call('GET', `/api/entities/${enc(renn.id)}`);
    expect(after.body).toEqual(before.body);
  });
});
