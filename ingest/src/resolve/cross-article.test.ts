// Which one-word actors join which fuller actor across articles, on hand-made graphs.
import { describe, expect, it } from 'vitest';
import type { StoredActor } from '../../../core/src/queries/namesakes.js';
import { lookupWord, planMerges } from './cross-article.js';

const actor = (id: string, type: StoredActor['type'], name: string, articleCount: number, aliases: string[] = []): StoredActor => ({
  id, type, name, aliases, articleCount, version: 0,
});

/** Plans for `shorts`, each looked up among `graph` as the full-text index would. */
function plan(shorts: StoredActor[], graph: StoredActor[], blocked: string[] = []): string[] {
  const namedWith = new Map<string, StoredActor[]>();
  for (const s of shorts) {
    const word = lookupWord(s).toLowerCase();
    namedWith.set(lookupWord(s), graph.filter((a) => [a.name, ...a.aliases].some((n) => n.toLowerCase().split(/\s+/).includes(word))));
  }
  return planMerges(shorts, namedWith, new Set(blocked)).map((p) => `${p.source.id} → ${p.target.id} (${p.reason})`);
}

describe('planMerges', () => {
  const blair = actor('person:blair', 'Person', 'Blair', 40);
  const tony = actor('person:tony-blair', 'Person', 'Tony Blair', 300);
  const cherie = actor('person:cherie-blair', 'Person', 'Cherie Blair', 12);

  it('joins a surname to the one person, or the clearly dominant one, that bears it', () => {
    expect(plan([blair], [blair, tony])).toEqual(['person:blair → person:tony-blair (surname)']);
    expect(plan([blair], [blair, tony, cherie])).toEqual(['person:blair → person:tony-blair (surname)']);
  });

  it('leaves a surname alone between namesakes of like weight, and never merges full names', () => {
    const ian = actor('person:ian-blair', 'Person', 'Ian Blair', 150);
    expect(plan([blair], [blair, tony, ian])).toEqual([]);
    expect(plan([tony, cherie], [blair, tony, cherie])).toEqual([]);
  });

  it('leaves a surname far more present alone than the one full name that bears it', () => {
    const warner = actor('person:warner', 'Person', 'Warner', 15);
    expect(plan([warner], [warner, actor('person:tim-warner', 'Person', 'Tim Warner', 1)])).toEqual([]);
  });

  it('reads a family name written first, as in "Moon Jae-in"', () => {
    const moon = actor('person:moon', 'Person', 'Moon', 5);
    expect(plan([moon], [moon, actor('person:moon-jae-in', 'Person', 'Moon Jae-in', 20)])).toEqual(['person:moon → person:moon-jae-in (surname)']);
    expect(plan([moon], [moon, actor('person:moon-unit-zappa', 'Person', 'Moon Unit Zappa', 20)])).toEqual([]);
  });

  it('joins an acronym to the organisation an article spelled out with it', () => {
    const pfb = actor('org:pfb', 'Organization', 'PFB', 3);
    const board = actor('org:pacific-fisheries-board', 'Organization', 'Pacific Fisheries Board', 2, ['PFB']);
    expect(plan([pfb], [pfb, board])).toEqual(['org:pfb → org:pacific-fisheries-board (acronym)']);
  });

  it('reads a name typed two ways as the organisation, however often the tagger misread it', () => {
    const club = actor('org:chelsea', 'Organization', 'Chelsea', 79);
    const misread = actor('person:chelsea', 'Person', 'Chelsea', 96);
    expect(plan([misread, club], [misread, club])).toEqual(['person:chelsea → org:chelsea (typed two ways)']);
    const firm = actor('org:rosneft', 'Organization', 'Rosneft', 3);
    expect(plan([firm], [actor('person:rosneft', 'Person', 'Rosneft', 12), firm])).toEqual(['person:rosneft → org:rosneft (typed two ways)']);
  });

  it('reads a name typed both ways as the surname it is when people in the graph bear it', () => {
    const misread = actor('org:yudhoyono', 'Organization', 'Yudhoyono', 2);
    const short = actor('person:yudhoyono', 'Person', 'Yudhoyono', 3);
    const full = actor('person:susilo-bambang-yudhoyono', 'Person', 'Susilo Bambang Yudhoyono', 4);
    expect(plan([short, misread], [short, misread, full])).toEqual(['person:yudhoyono → person:susilo-bambang-yudhoyono (surname)']);
  });

  it('never reads a word the graph gives people as a given name more often than as a surname as a surname', () => {
    const robert = actor('person:robert', 'Person', 'Robert', 4);
    const people = [actor('person:laurent-robert', 'Person', 'Laurent Robert', 30), actor('person:robert-kilroy-silk', 'Person', 'Robert Kilroy-Silk', 40), actor('person:robert-pires', 'Person', 'Robert Pires', 9)];
    expect(plan([robert], [robert, ...people])).toEqual([]);
  });

  it('never merges what an analyst split back out, nor an actor an analyst edited', () => {
    expect(plan([blair], [blair, tony], ['person:blair'])).toEqual([]);
    expect(plan([{ ...blair, version: 2 }], [blair, tony])).toEqual([]);
  });
});
