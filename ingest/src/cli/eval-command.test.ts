// `npm run eval` on an answer key of our own, laid out like ../shared (eval/ beside samples/).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEval } from './eval-command.js';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function sharedLikeFolder() {
  const root = mkdtempSync(join(tmpdir(), 'actorgraph-eval-'));
  made.push(root);
  mkdirSync(join(root, 'samples'));
  mkdirSync(join(root, 'eval'));
  writeFileSync(
    join(root, 'samples', 'brief.txt'),
    'Brazil Welcomes Talks\n\nBrazilian President Maria Santos Ferreira met Chile’s president in Santiago on Monday. Ferreira said Brazil and Chile would cooperate.\n',
  );
  const gold = {
    article: 'samples/brief.txt',
    metadata: { title: 'Brazil Welcomes Talks' },
    entities: [
      { type: 'Person', name: 'Maria Santos Ferreira', surface: ['Maria Santos Ferreira', 'Ferreira'] },
      { type: 'Country', name: 'Brazil', iso2: 'BR', surface: ['Brazil', 'Brazilian'] },
      { type: 'Country', name: 'Chile', iso2: 'CL', surface: ['Chile'] },
    ],
    not_entities: ['Chile’s'],
    links: [['Maria Santos Ferreira', 'Chile']],
    relations: [{ source: 'Maria Santos Ferreira', type: 'LEADS', target: 'Brazil' }],
  };
  const goldPath = join(root, 'eval', 'brief.gold.json');
  writeFileSync(goldPath, JSON.stringify(gold));
  return { root, goldPath };
}

describe('npm run eval', () => {
  it('scores a gold file against the article it names, relative to the shared folder', async () => {
    const { goldPath } = sharedLikeFolder();
    const out: string[] = [];
    const code = await runEval([goldPath], (t) => out.push(t), (t) => out.push(`ERR ${t}`));
    expect(code).toBe(0);
    const report = out.join('\n');
    expect(report).toMatch(/Person\s+1\.000\s+1\.000\s+1\.000/);
    expect(report).toMatch(/links: 1\/1/);
    expect(report).toMatch(/relations with the right direction: 1\/1/);
    expect(report).toMatch(/forbidden strings found: none/);
    expect(report).toMatch(/title: right/);
  }, 60_000);

  it('exits 1 and says which file when one cannot be read, still scoring the others', async () => {
    const { root, goldPath } = sharedLikeFolder();
    const broken = join(root, 'eval', 'broken.gold.json');
    writeFileSync(broken, '{"article": ');
    const out: string[] = [];
    const err: string[] = [];
    const code = await runEval([join(root, 'missing.gold.json'), broken, goldPath], (t) => out.push(t), (t) => err.push(t));
    expect(code).toBe(1);
    expect(err).toHaveLength(2);
    expect(err[0]).toMatch(/missing\.gold\.json/);
    expect(err[1]).toMatch(/broken\.gold\.json is not JSON/);
    expect(out).toHaveLength(1);
  }, 60_000);
});
