// GUM mentions read as CoNLL-2003-style training labels, on a hand-written CoNLL-U document.
import { describe, expect, it } from 'vitest';
import { readGumDocument } from './gum-training-data.js';

// "Professor Cres Eastman told the Australian press about Sweden ." with nested and multi-token mentions.
const CONLLU = [
  '# newdoc id = GUM_news_test',
  '# text = Professor Cres Eastman told the Australian press about Sweden .',
  '1\tProfessor\tprofessor\tPROPN\tNNP\t_\t3\tcompound\t_\tEntity=(1-person-new-x-cf1-3-sgl',
  '2\tCres\tCres\tPROPN\tNNP\t_\t3\tcompound\t_\t_',
  '3\tEastman\tEastman\tPROPN\tNNP\t_\t4\tnsubj\t_\tEntity=1)',
  '4\ttold\ttell\tVERB\tVBD\t_\t0\troot\t_\t_',
  '5\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\tEntity=(2-organization-new-x-cf2-3-sgl',
  '6\tAustralian\tAustralian\tADJ\tJJ\t_\t7\tamod\t_\tEntity=(3-place-new-x-cf3-1-sgl-Australia)',
  '7\tpress\tpress\tNOUN\tNN\t_\t4\tobj\t_\tEntity=2)',
  '8\tabout\tabout\tADP\tIN\t_\t9\tcase\t_\t_',
  '9\tSweden\tSweden\tPROPN\tNNP\t_\t4\tobl\t_\tEntity=(4-place-new-x-cf4-1-sgl-Sweden)|SpaceAfter=No',
  '10\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_',
  '',
].join('\n');

describe('readGumDocument', () => {
  const doc = readGumDocument(CONLLU);
  const tagged = doc.tokens.map((t) => `${t.text}/${t.tag}`);

  it('labels names without their titles, demonyms as MISC, and leaves common-noun mentions out', () => {
    expect(tagged).toEqual([
      'Professor/O', 'Cres/B-PER', 'Eastman/I-PER', 'told/O', 'the/O', 'Australian/B-MISC', 'press/O', 'about/O', 'Sweden/B-LOC', './O',
    ]);
  });

  it('keeps offsets and sentences consistent with the text, and trains at a reduced rate', () => {
    for (const t of doc.tokens) expect(doc.text.slice(t.start, t.end)).toBe(t.text);
    expect(doc.sentences).toEqual([[0, 10]]);
    expect(doc.rate).toBeLessThan(1);
  });
});
