import { afterEach, describe, expect, it } from 'vitest';
import { surfaceKey } from '../../../core/src/entity-keys.js';
import type { AnalystDecisions, Article } from '../../../core/src/model.js';
import { createExtractPool, type ExtractPool } from './extract-pool.js';

const article = {
  id: 'talks',
  title: 'Talks in Berlin',
  text: 'Olaf Scholz met Emmanuel Macron in Berlin on Friday. Scholz said Germany would send more aid.',
  topics: [],
  contentHash: 'talks',
} as unknown as Article;

const decisions = (rejected: string[] = []): AnalystDecisions => ({
  aliases: new Map(),
  rejected: new Set(rejected.map(surfaceKey)),
  retyped: new Map(),
});

describe('extraction pool', () => {
  let pool: ExtractPool | undefined;
  afterEach(async () => pool?.close());

  it('refuses an article before it knows the analyst decisions', async () => {
    pool = createExtractPool(1);
    await expect(pool.extract(article)).rejects.toThrow(/decide/);
  });

  it('honours decisions that arrive after its workers started', async () => {
    pool = createExtractPool(1);
    // As the ingest command does: workers load while Neo4j opens, decisions come once it is open.
    pool.warm();
    pool.decide(decisions(['Emmanuel Macron']));
    const names = (await pool.extract(article)).entities.map((entity) => entity.name);
    expect(names).toContain('Olaf Scholz');
    expect(names).not.toContain('Emmanuel Macron');
  }, 30_000);

  it('extracts in its workers exactly what the pipeline extracts inline', async () => {
    pool = createExtractPool(1);
    pool.decide(decisions());
    const inline = createExtractPool(0);
    inline.decide(decisions());
    expect(await pool.extract(article)).toEqual(await inline.extract(article));
  }, 30_000);
});
