/**
 * Small news articles made up from a seed, written as .txt files: many short inputs that share actors, so
 * ingest tests have a run long enough to interrupt, and links and counters that many articles add to.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from '../../core/src/seeded-random.js';

const PEOPLE = [
  'Ada Marsh', 'Bruno Keller', 'Clara Ortiz', 'Dmitri Voss', 'Elena Sato', 'Farid Haddad',
  'Greta Lind', 'Hugo Brandt', 'Ines Moreau', 'Jonas Falk', 'Keiko Arai', 'Luis Romero',
];
const COUNTRIES = ['France', 'Germany', 'Japan', 'Brazil', 'Canada', 'Kenya', 'India', 'Norway'];
const ORGANISATIONS = ['the United Nations', 'the European Union', 'the World Bank', 'NATO', 'the World Health Organization'];

/**
 * Writes `count` articles named `<prefix>-001.txt` … into `folder`; the same seed gives the same files.
 * @returns their paths, in order.
 */
export function writeGeneratedNews(folder: string, count: number, seed: number, prefix = 'news'): string[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const paths: string[] = [];
  for (let i = 1; i <= count; i++) {
    const a = pick(PEOPLE);
    let b = pick(PEOPLE);
    while (b === a) b = pick(PEOPLE);
    const [country, other, org] = [pick(COUNTRIES), pick(COUNTRIES), pick(ORGANISATIONS)];
    const surname = a.split(' ')[1];
    const day = 1 + Math.floor(random() * 28);
    const text = [
      `Talks in ${country}, round ${i}`,
      '',
      `March ${day}, 2024`,
      'Generated Wire',
      '',
      `Foreign minister ${a} met ${b} in ${country} on Monday for round ${i} of the talks on trade with ${other}.`,
      `${surname} said ${country} and ${other} would ask ${org} to help. ${b} did not comment.`,
      '',
    ].join('\n');
    const file = path.join(folder, `${prefix}-${String(i).padStart(3, '0')}.txt`);
    writeFileSync(file, text);
    paths.push(file);
  }
  return paths;
}
