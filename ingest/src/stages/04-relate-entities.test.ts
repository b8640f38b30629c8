// Links and typed relations: what an analyst sees as edges, each with its sentence.
import { describe, expect, it } from 'vitest';
import { analyse, country, type MentionSpec } from '../resolve/_analysis-fixture.js';
import { resolveEntities } from './03-resolve-entities.js';
import { relateEntities } from './04-relate-entities.js';

function relate(text: string, specs: MentionSpec[], headline?: [string, MentionSpec[]]) {
  const analysis = analyse(text, specs);
  const entities = resolveEntities(text, analysis);
  const options = headline ? { headline: { text: headline[0], analysis: analyse(headline[0], headline[1]) } } : {};
  return relateEntities(text, analysis, entities, options);
}
const facts = (text: string, specs: MentionSpec[], headline?: [string, MentionSpec[]]) =>
  relate(text, specs, headline).relations.map((r) => `${r.source} ${r.type} ${r.target}`);

const NO = country('Norway', 'NO', 'Norway');
const SE = country('Sweden', 'SE', 'Sweden');

describe('relateEntities: typed relations', () => {
  const cases: Array<[string, MentionSpec[], string[]]> = [
    ['Norwegian Prime Minister Ola Berg spoke.', [country('Norwegian', 'NO', 'Norway', 'demonym'), ['Ola Berg', 'Person']], ['person:ola-berg LEADS country:NO']],
    ['Ola Berg, the prime minister of Norway, spoke.', [['Ola Berg', 'Person'], NO], ['person:ola-berg LEADS country:NO']],
    ['Ola Berg, Norway’s foreign minister, spoke.', [['Ola Berg', 'Person'], NO], ['person:ola-berg WORKS_FOR country:NO']],
    ['A spokesman said Ola Berg, a spokesman for the Fjord Council, left.', [['Ola Berg', 'Person'], ['Fjord Council', 'Organization']], ['person:ola-berg WORKS_FOR org:fjord-council']],
    ['Norway’s Fisheries Ministry objected.', [NO, ['Fisheries Ministry', 'Organization']], ['org:fisheries-ministry PART_OF country:NO']],
    ['Sweden has flatly rejected Norway’s proposal on quotas.', [SE, NO], ['country:SE OPPOSES country:NO']],
    ['Sweden sent ships and even engineers to help Norway after the storm.', [SE, NO], ['country:SE SUPPORTS country:NO']],
    ['Ola Berg held talks with Pia Lund in Oslo.', [['Ola Berg', 'Person'], ['Pia Lund', 'Person']], ['person:ola-berg MET_WITH person:pia-lund']],
    ['Closer ties between Norway and Sweden worried Moscow.', [NO, SE], ['country:NO ALLIED_WITH country:SE']],
    [
      'Sweden pledged to keep its defence ties with Norway and Denmark.',
      [SE, NO, country('Denmark', 'DK', 'Denmark')],
      ['country:SE ALLIED_WITH country:NO', 'country:SE ALLIED_WITH country:DK'],
    ],
    ['Norway striker Ola Berg scored.', [NO, ['Ola Berg', 'Person']], ['person:ola-berg WORKS_FOR country:NO']],
    ['Sweden has supplied $5m in food aid to Norway.', [SE, NO], ['country:SE SUPPORTS country:NO']],
    ['Pia Lund, who heads the Fjord Council, spoke.', [['Pia Lund', 'Person'], ['Fjord Council', 'Organization']], ['person:pia-lund LEADS org:fjord-council']],
    ['Pia Lund, a senior economist with the Fjord Council, spoke.', [['Pia Lund', 'Person'], ['Fjord Council', 'Organization']], ['person:pia-lund WORKS_FOR org:fjord-council']],
    ['Pia Lund of the Fjord Council disagreed.', [['Pia Lund', 'Person'], ['Fjord Council', 'Organization']], ['person:pia-lund WORKS_FOR org:fjord-council']],
    ['The Fjord Council’s administrator Pia Lund spoke.', [['Fjord Council', 'Organization'], ['Pia Lund', 'Person']], ['person:pia-lund WORKS_FOR org:fjord-council']],
    ['Norway joined the Fjord Council in 1990.', [NO, ['Fjord Council', 'Organization']], ['country:NO MEMBER_OF org:fjord-council']],
    ['Sweden’s war on Norway lasted a week.', [SE, NO], ['country:SE OPPOSES country:NO']],
    // A firm named by its country's possessive, or by a demonym and what kind of firm it is, is based there.
    ['Norway’s Fjordline cut its fares.', [NO, ['Fjordline', 'Organization']], ['org:fjordline BASED_IN country:NO']],
    ['Norwegian ferry operator Fjordline cut fares.', [country('Norwegian', 'NO', 'Norway', 'demonym'), ['Fjordline', 'Organization']], ['org:fjordline BASED_IN country:NO']],
    ['Norwegian electronics maker Fjordtech cut prices.', [country('Norwegian', 'NO', 'Norway', 'demonym'), ['Fjordtech', 'Organization']], ['org:fjordtech BASED_IN country:NO']],
    ['Shares in Swedish media giant Nordpress fell.', [country('Swedish', 'SE', 'Sweden', 'demonym'), ['Nordpress', 'Organization']], ['org:nordpress BASED_IN country:SE']],
    // A body bearing a country's name, anywhere in a sentence that names the country.
    ['The Norwegian Fisheries Ministry, it said, had no quarrel with Norway.', [['Norwegian Fisheries Ministry', 'Organization'], NO], ['org:norwegian-fisheries-ministry PART_OF country:NO']],
    ['Talks in Sweden failed, the Swedish Fjord Party said.', [SE, ['Swedish Fjord Party', 'Organization']], ['org:swedish-fjord-party BASED_IN country:SE']],
  ];
  it.each(cases)('%s', (text, specs, expected) => {
    expect(facts(text, specs)).toEqual(expected);
  });

  const falsePositives: Array<[string, MentionSpec[]]> = [
    ['Sweden has not rejected Norway’s proposal.', [SE, NO]],
    ['Ties between Norway and Sweden were severed.', [NO, SE]],
    ['The severed ties between Norway and Sweden hurt trade.', [NO, SE]],
    ['Sweden has sharply reduced communication with Norway.', [SE, NO]],
    ['Former Prime Minister Ola Berg visited.', [['Ola Berg', 'Person']]],
    ['Ola Berg’s letter dismissed rumours that Pia Lund would resign.', [['Ola Berg', 'Person'], ['Pia Lund', 'Person']]],
    ['Norway and Sweden played a friendly match.', [NO, SE]],
    ['The Fjord Council in Norway opened an office.', [['Fjord Council', 'Organization'], NO]],
    ['Ola Berg of Norway won the race.', [['Ola Berg', 'Person'], NO]],
    ['Ola Berg beat Pia Lund at the Fjord Council Open.', [['Ola Berg', 'Person'], ['Pia Lund', 'Person'], ['Fjord Council Open', 'Organization']]],
    ['Former Norwegian prime minister Ola Berg spoke.', [country('Norwegian', 'NO', 'Norway', 'demonym'), ['Ola Berg', 'Person']]],
    ['Norwegian striker Ola Berg scored twice.', [country('Norwegian', 'NO', 'Norway', 'demonym'), ['Ola Berg', 'Person']]],
    ['Ola Berg, head of Norway equities at a fund, sold.', [['Ola Berg', 'Person'], NO]],
    ['Ola Berg sent the winger racing away and then passed to Pia Lund.', [['Ola Berg', 'Person'], ['Pia Lund', 'Person']]],
    ['Ola Berg sent a letter of complaint to Sweden.', [['Ola Berg', 'Person'], SE]],
    // Members of the bands named after a person are not the person's bands; what an organisation's actress does is hers.
    ['Ola Berg and members of the Fjord Band will sing.', [['Ola Berg', 'Person'], ['Fjord Band', 'Organization']]],
    ['Ola Berg will join Fjordline’s actress Pia Lund on stage.', [['Ola Berg', 'Person'], ['Fjordline', 'Organization'], ['Pia Lund', 'Person']]],
    // Speaking to a broadcaster is an interview; a personal or business partner is no ally.
    ['Ola Berg spoke to the Fjord Radio website about her injury.', [['Ola Berg', 'Person'], ['Fjord Radio', 'Organization']]],
    ['Ola Berg has teamed up with Pia Lund to record a song.', [['Ola Berg', 'Person'], ['Pia Lund', 'Person']]],
    ['Ola Berg’s partner Pia Lund was there.', [['Ola Berg', 'Person'], ['Pia Lund', 'Person']]],
    // The country's dealings with a body, a player's club, an international body, a rival: not where it is based.
    ['Norway’s Nordic League membership lapsed.', [NO, ['Nordic League', 'Organization']]],
    ['Norway’s Fjordline striker scored twice.', [NO, ['Fjordline', 'Organization']]],
    ['Norway’s World Fisheries Organisation seat is vacant.', [NO, ['World Fisheries Organisation', 'Organization']]],
    ['Norwegian rival Fjordline gained.', [country('Norwegian', 'NO', 'Norway', 'demonym'), ['Fjordline', 'Organization']]],
    // A body bearing a country's name says nothing of another country, nor of its own when the sentence does not name it.
    ['The Norwegian Fjord Party held its congress in Sweden.', [['Norwegian Fjord Party', 'Organization'], SE]],
  ];
  it.each(falsePositives)('states nothing in: %s', (text, specs) => {
    expect(facts(text, specs)).toEqual([]);
  });

  it.each([
    // A sentence opening with "He" after one that names one person only.
    ['Ola Berg flew to Oslo on Monday. He met Pia Lund on Tuesday.', [['Ola Berg', 'Person'], ['Pia Lund', 'Person']], ['person:ola-berg MET_WITH person:pia-lund']],
    // "the chancellor" after the one person named with that title.
    [
      'Norwegian Chancellor Ola Berg flew to Paris. Later the Chancellor met Pia Lund.',
      [country('Norwegian', 'NO', 'Norway', 'demonym'), ['Ola Berg', 'Person'], ['Pia Lund', 'Person']],
      ['person:ola-berg LEADS country:NO', 'person:ola-berg MET_WITH person:pia-lund'],
    ],
    [
      'Norwegian Chancellor Ola Berg flew to Paris. Later the chancellor met Pia Lund.',
      [country('Norwegian', 'NO', 'Norway', 'demonym'), ['Ola Berg', 'Person'], ['Pia Lund', 'Person']],
      ['person:ola-berg LEADS country:NO', 'person:ola-berg MET_WITH person:pia-lund'],
    ],
  ] as Array<[string, MentionSpec[], string[]]>)('reads a plain reference back to a person: %s', (text, specs, expected) => {
    expect(facts(text, specs)).toEqual(expected);
  });

  it('writes one learned fact per pair: LEADS where a sentence calls the person its head, else WORKS_FOR', () => {
    const text =
      'Acme home affairs spokesman Jo Bloggs has branded the scheme a waste of money. "Costs must fall," said Jo Bloggs, who was appointed chief executive of Acme in May.';
    const specs: MentionSpec[] = [['Acme', 'Organization'], ['Jo Bloggs', 'Person'], ['Jo Bloggs', 'Person'], ['Acme', 'Organization']];
    expect(facts(text, specs)).toEqual(['person:jo-bloggs LEADS org:acme']);
  });

  it.each([
    // Two people before "He": whose meeting it was is not plain.
    ['Ola Berg and Jo Bloggs flew to Oslo. He met Pia Lund.', [['Ola Berg', 'Person'], ['Jo Bloggs', 'Person'], ['Pia Lund', 'Person']]],
    // "the chancellor of X" is another body's chancellor.
    ['Chancellor Ola Berg spoke. Later the chancellor of the Fjord Council met Pia Lund.', [['Ola Berg', 'Person'], ['Fjord Council', 'Organization'], ['Pia Lund', 'Person']]],
  ] as Array<[string, MentionSpec[]]>)('leaves an unclear reference alone: %s', (text, specs) => {
    expect(facts(text, specs).filter((f) => f.startsWith('person:ola-berg MET_WITH'))).toEqual([]);
  });

  it('gives a bare "President X" the country that a nameless title in the headline qualifies', () => {
    const headline: [string, MentionSpec[]] = ['Sweden Rebuffs Norwegian President’s Offer', [SE, country('Norwegian', 'NO', 'Norway', 'demonym')]];
    const text = 'Sweden has dismissed President Ola Berg’s proposal. President Berg said Norway would wait.';
    const specs: MentionSpec[] = [SE, ['Ola Berg', 'Person'], ['Berg', 'Person'], NO];
    expect(facts(text, specs, headline)).toEqual([
      'country:SE OPPOSES person:ola-berg',
      'person:ola-berg LEADS country:NO',
      'country:SE OPPOSES country:NO',
    ]);
    // Offices filled by an apposition do not confuse the guess.
    const more = 'Sweden has dismissed President Ola Berg’s proposal. Swedish President Pia Lund agreed with President Lund’s aides. Norway waited.';
    const moreSpecs: MentionSpec[] = [SE, ['Ola Berg', 'Person'], country('Swedish', 'SE', 'Sweden', 'demonym'), ['Pia Lund', 'Person'], ['Lund', 'Person'], NO];
    expect(facts(more, moreSpecs, headline)).toContain('person:ola-berg LEADS country:NO');
    // A former holder of the title is not the one the headline means.
    const former = 'Sweden has dismissed former President Ola Berg’s proposal. Norway waited.';
    expect(facts(former, [SE, ['Ola Berg', 'Person'], NO], headline)).not.toContain('person:ola-berg LEADS country:NO');
    // Without the headline nothing says which country he leads.
    expect(facts(text, specs)).toEqual(['country:SE OPPOSES person:ola-berg']);
  });

  it('cites the sentence that states the fact', () => {
    const text = 'Rain fell. Ola Berg, the prime minister of Norway, spoke.';
    const { relations } = relate(text, [['Ola Berg', 'Person'], NO]);
    expect(text.slice(relations[0]!.evidence.start, relations[0]!.evidence.end)).toBe('Ola Berg, the prime minister of Norway, spoke.');
  });
});

describe('relateEntities: co-mention links', () => {
  const text = 'Norway and Sweden met. Sweden thanked Norway. Ola Berg stayed home. Pia Lund wrote. Berg slept. Lund read. Denmark was quiet.';
  const specs: MentionSpec[] = [
    NO,
    SE,
    SE,
    NO,
    ['Ola Berg', 'Person'],
    ['Pia Lund', 'Person'],
    ['Berg', 'Person'],
    ['Lund', 'Person'],
    country('Denmark', 'DK', 'Denmark'),
  ];

  it('weighs a pair by the sentences naming both, with those sentences as evidence', () => {
    const link = relate(text, specs).links.find((l) => l.source === 'country:NO' && l.target === 'country:SE')!;
    expect(link.weight).toBe(2);
    expect(link.evidence.map((e) => text.slice(e.start, e.end))).toEqual(['Norway and Sweden met.', 'Sweden thanked Norway.']);
  });

  it('links pairs that only share the article weakly, citing where each is first named', () => {
    const link = relate(text, specs).links.find((l) => l.source === 'person:ola-berg' && l.target === 'person:pia-lund')!;
    expect(link.weight).toBe(0.25);
    expect(link.evidence.map((e) => text.slice(e.start, e.end))).toEqual(['Ola Berg stayed home.', 'Pia Lund wrote.']);
  });

  it('does not link an actor named once in passing to the rest of the article', () => {
    expect(relate(text, specs).links.filter((l) => l.source === 'country:DK' || l.target === 'country:DK')).toEqual([]);
  });

  it('orders each pair (source < target) and lists each pair once', () => {
    const { links } = relate(text, specs);
    expect(links).toHaveLength(6);
    for (const l of links) expect(l.source < l.target).toBe(true);
  });
});
