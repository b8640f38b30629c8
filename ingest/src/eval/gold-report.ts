/** The text `npm run eval` prints for a gold evaluation: scores first, then exactly what broke. */
import { ENTITY_TYPES } from '../../../core/src/model.js';
import type { GoldEvaluation } from './gold-file.js';

const pct = (x: number) => x.toFixed(3);

export function formatGoldReport({ goldPath, articlePath, report: r }: GoldEvaluation): string {
  const lines = [`${goldPath}`, `  article: ${articlePath}`, '  type           P      R      F1    (tp/fp/fn)'];
  for (const type of ENTITY_TYPES) {
    const s = r.scores[type];
    lines.push(`  ${type.padEnd(13)} ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}  (${s.tp}/${s.fp}/${s.fn})`);
  }
  const list = (title: string, items: string[]) => {
    lines.push(`  ${title}: ${items.length === 0 ? 'none' : ''}`);
    for (const item of items) lines.push(`    - ${item}`);
  };
  list('missing entities', r.missing.map((m) => `${m.name} (${m.type}): ${m.why}`));
  list('forbidden strings found', r.forbidden.map((f) => `"${f.text}" in ${f.entity}`));
  list('fragmented actors', r.fragmented.map((f) => `${f.name}: ${f.nodes.join(', ')}`));
  list('unexpected entities', r.unexpected);
  lines.push(`  links: ${r.links.found}/${r.links.total}`);
  for (const [a, b] of r.links.missing) lines.push(`    - missing ${a} -- ${b}`);
  lines.push(`  relations with the right direction: ${r.relations.found}/${r.relations.total}`);
  for (const x of r.relations.reversed) lines.push(`    - reversed ${x.source} ${x.type} ${x.target}`);
  for (const x of r.relations.missing) lines.push(`    - missing ${x.source} ${x.type} ${x.target}`);
  lines.push(`  metadata: ${r.metadata.filter((m) => m.ok).length}/${r.metadata.length} right`);
  for (const m of r.metadata) {
    lines.push(`    - ${m.field}: ${m.ok ? 'right' : `WRONG, expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.got)}`}`);
  }
  return lines.join('\n');
}
