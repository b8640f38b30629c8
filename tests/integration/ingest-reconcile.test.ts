// One node per actor across articles: an article that names someone by surname only, or an organisation by its
// acronym only, lands on the fuller actor earlier (or later) articles named — reversibly — and two people who
// share a surname are never merged.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../core/src/neo4j/connect.js';
import { undoMerge } from '../../core/src/queries/merge.js';
import { ingestPaths } from '../../ingest/src/ingest-paths.js';
import { INGEST_ANALYST } from '../../ingest/src/stages/06-reconcile-actors.js';
import { openTestGraph } from '../_setup/test-graph.js';

describe('joining one-word actors across articles', () => {
  let graph: Graph;
  const folder = mkdtempSync(path.join(os.tmpdir(), 'actorgraph-reconcile-'));
  const write = (name: string, text: string) => {
    const file = path.join(folder, name);
    writeFileSync(file, text);
    return file;
  };
  const live = async (name: string) =>
    (
      await graph.driver.executeQuery('MATCH (e:Entity {name: $name}) WHERE e.mergedInto IS NULL RETURN e.id AS id', { name })
    ).records.map((r) => r.get('id') as string);
  const mentionsOf = async (id: string) =>
    (await graph.driver.executeQuery('MATCH (:Article)-[m:MENTIONS]->(:Entity {id: $id}) RETURN count(m) AS n', { id })).records[0]!.get('n');

  beforeAll(async () => {
    graph = await openTestGraph();
  });
  afterAll(async () => {
    await graph.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('merges a surname-only person and an acronym, written before their full names arrived, into them', async () => {
    const shorts = [
      write('later.txt', 'Nadal Tired\n\nNadal said he was tired after the final in Rome on Friday, while PFB officials met in Lima.'),
      write('later-2.txt', 'Nadal Rests\n\nNadal said he would rest this week, and PFB officials agreed new quotas.'),
      write('later-3.txt', 'Nadal Trains\n\nNadal said he would train on clay, and PFB officials met again in Lima.'),
      write('later-4.txt', 'Nadal Travels\n\nNadal said he would fly to Paris, and PFB officials said they would follow.'),
      write('later-5.txt', 'Nadal Wins\n\nNadal said he was glad to win, and PFB officials cheered in Lima.'),
    ];
    expect((await ingestPaths(graph, shorts, { workers: 1 })).actorsMerged).toEqual([]);
    expect(await live('Nadal')).toEqual(['person:nadal']);
    const full = write(
      'open.txt',
      'Rafael Nadal Wins in Madrid\n\nRafael Nadal beat a Spanish rival on Sunday. Officials of the Pacific Fisheries Board (PFB) watched the final.',
    );
    const fuller = write('open-2.txt', 'Rafael Nadal Returns\n\nRafael Nadal trained in Madrid on Monday before the clay season.');
    const summary = await ingestPaths(graph, [full, fuller], { workers: 1 });

    expect(summary.actorsMerged).toEqual(
      expect.arrayContaining(['person:nadal → person:rafael-nadal (surname)', 'org:pfb → org:pacific-fisheries-board (acronym)']),
    );
    expect(await live('Nadal')).toEqual([]);
    expect(await mentionsOf('person:rafael-nadal')).toBe(7);
    const { records } = await graph.driver.executeQuery(
      "MATCH (ev:AuditEvent {action: 'entity.merge', targetId: 'person:nadal'}) RETURN ev.analyst AS analyst",
    );
    expect(records.map((r) => r.get('analyst'))).toEqual([INGEST_ANALYST]);
  });

  it('sends a later surname-only article straight to the full name', async () => {
    const again = write('again.txt', 'Nadal Returns\n\nNadal said he would train in Mallorca on Monday before flying to Paris.');
    const summary = await ingestPaths(graph, [again], { workers: 1 });
    expect(summary.actorsMerged).toEqual([]);
    expect(await mentionsOf('person:rafael-nadal')).toBe(8);
  });

  it('in one run, writes a surname-only article to the full name another article of the run gives, with no node of its own', async () => {
    const files = [
      write('federer-1.txt', 'Federer Happy\n\nFederer said he was happy with his form before Wimbledon.'),
      write('federer-2.txt', 'Federer Wins\n\nRoger Federer won the final in Dubai on Sunday.'),
    ];
    const summary = await ingestPaths(graph, files, { workers: 1 });
    expect(summary.actorsMerged).toEqual([]);
    expect(await live('Federer')).toEqual([]);
    expect(await mentionsOf('person:roger-federer')).toBe(2);
  });

  it('never redoes a merge an analyst undid', async () => {
    const { records } = await graph.driver.executeQuery(
      "MATCH (ev:AuditEvent {action: 'entity.merge', targetId: 'org:pfb'}) RETURN ev.id AS id",
    );
    await undoMerge(graph, records[0]!.get('id') as string, 'ana');
    expect(await live('PFB')).toEqual(['org:pfb']);
    const more = write('pfb.txt', 'Fisheries Talks\n\nPFB officials said on Tuesday that quotas would fall.');
    const summary = await ingestPaths(graph, [more], { workers: 1 });
    expect(summary.actorsMerged).toEqual([]);
    expect(await live('PFB')).toEqual(['org:pfb']);
  });

  it('leaves a surname two people share alone, and never merges the two people', async () => {
    const files = [
      write('millers-1.txt', 'Judges Named\n\nJudge Anna Miller and Judge Tom Miller took their seats in Boston on Monday.'),
      write('millers-2.txt', 'Court Rules\n\nMiller said the ruling would stand, lawyers in Boston said on Tuesday.'),
    ];
    const summary = await ingestPaths(graph, files, { workers: 1 });
    expect(summary.actorsMerged.filter((m) => m.includes('miller'))).toEqual([]);
    expect((await live('Anna Miller')).length + (await live('Tom Miller')).length).toBe(2);
  });
});
