// Resolution: one node per real actor, stable ids, and analysts' decisions winning.
import { describe, expect, it } from 'vitest';
import type { AnalystDecisions, ExtractedEntity } from '../../../core/src/model.js';
import { aliasKey, surfaceKey } from '../../../core/src/entity-keys.js';
import { analyse, country, type MentionSpec } from '../resolve/_analysis-fixture.js';
import { resolveEntities } from './03-resolve-entities.js';

const resolve = (text: string, specs: MentionSpec[], decisions?: AnalystDecisions) =>
  resolveEntities(text, analyse(text, specs), decisions);
const summary = (entities: ExtractedEntity[]) =>
  entities.map((e) => `${e.id} ${e.name} [${e.aliases.join('|')}] x${e.mentions.length}`);

describe('resolveEntities: people', () => {
  const cases: Array<[string, string, MentionSpec[], string[]]> = [
    [
      'surname and title join the full name',
      'Premier Ana Vidal opened the port. Vidal said trade would grow. Later, President Vidal left.',
      [['Ana Vidal', 'Person'], ['Vidal', 'Person'], ['President Vidal', 'Person']],
      ['person:ana-vidal Ana Vidal [Vidal] x3'],
    ],
    [
      'romanisation variants meet; the hyphenated one is the name',
      'Park Min Soo spoke first. Then Park Min-soo answered questions.',
      [['Park Min Soo', 'Person'], ['Park Min-soo', 'Person']],
      ['person:park-min-soo Park Min-soo [Park Min Soo] x2'],
    ],
    [
      'a middle initial does not split a person nor change the id',
      'Mara T. Osei won. Mara Osei thanked voters.',
      [['Mara T. Osei', 'Person'], ['Mara Osei', 'Person']],
      ['person:mara-osei Mara Osei [Mara T. Osei] x2'],
    ],
    [
      'a middle initial alone does not change the id either',
      'Mara T. Osei won.',
      [['Mara T. Osei', 'Person']],
      ['person:mara-osei Mara T. Osei [] x1'],
    ],
    [
      'a family name first (Korean order) resolves to the only full name',
      'Choi Hae-won arrived. Choi refused to comment.',
      [['Choi Hae-won', 'Person'], ['Choi', 'Person']],
      ['person:choi-hae-won Choi Hae-won [Choi] x2'],
    ],
    [
      'a short form skips the namesake named in its own sentence',
      'Choi Tae-ho ruled for years. Aides of Choi Mi-ra said Choi would not travel.',
      [['Choi Tae-ho', 'Person'], ['Choi Mi-ra', 'Person'], ['Choi', 'Person']],
      ['person:choi-tae-ho Choi Tae-ho [Choi] x2', 'person:choi-mi-ra Choi Mi-ra [] x1'],
    ],
    [
      'an ambiguous short form stays unresolved, not a node',
      'Choi Tae-ho and Choi Mi-ra met. Later Choi spoke.',
      [['Choi Tae-ho', 'Person'], ['Choi Mi-ra', 'Person'], ['Choi', 'Person']],
      ['person:choi-tae-ho Choi Tae-ho [] x1', 'person:choi-mi-ra Choi Mi-ra [] x1'],
    ],
    [
      'between two namesakes, the one the article is about (named twice as often so far) is meant',
      'Jared Padalecki was born in Texas. Jared Padalecki acted. His mother Sherri Padalecki taught. He grew up. Padalecki moved.',
      [['Jared Padalecki', 'Person'], ['Jared Padalecki', 'Person'], ['Sherri Padalecki', 'Person'], ['Padalecki', 'Person']],
      ['person:jared-padalecki Jared Padalecki [Padalecki] x3', 'person:sherri-padalecki Sherri Padalecki [] x1'],
    ],
    [
      'between two namesakes, the one named in the sentence just before is meant',
      'Choi Tae-ho spoke first. Mr Choi then left. Later Choi Mi-ra arrived by train. Choi said she was tired. Choi then slept.',
      [['Choi Tae-ho', 'Person'], ['Mr Choi', 'Person'], ['Choi Mi-ra', 'Person'], ['Choi', 'Person'], ['Choi', 'Person']],
      ['person:choi-tae-ho Choi Tae-ho [Choi] x2', 'person:choi-mi-ra Choi Mi-ra [Choi] x3'],
    ],
    ['a name with no fuller form in the article is a person of its own', 'Choi spoke.', [['Choi', 'Person']], ['person:choi Choi [] x1']],
    [
      'a shorter spelling of the one longer name joins it: middle names, honours and a territorial title dropped',
      'Jens Otto Harry Jespersen was born in 1860. Otto Jespersen taught. Zaha Mohammad Hadid DBE RA drew. Zaha Hadid built.',
      [['Jens Otto Harry Jespersen', 'Person'], ['Otto Jespersen', 'Person'], ['Zaha Mohammad Hadid DBE RA', 'Person'], ['Zaha Hadid', 'Person']],
      ['person:jens-otto-harry-jespersen Jens Otto Harry Jespersen [Otto Jespersen] x2', 'person:zaha-mohammad-hadid-dbe-ra Zaha Mohammad Hadid DBE RA [Zaha Hadid] x2'],
    ],
    [
      'names in either order are one person; a ruler\'s number is not a new person',
      'Higuchi Ichiyo wrote. Ichiyo Higuchi died young. Joshua Abraham Norton ruled. Norton I decreed.',
      [['Higuchi Ichiyo', 'Person'], ['Ichiyo Higuchi', 'Person'], ['Joshua Abraham Norton', 'Person'], ['Norton I', 'Person']],
      ['person:ichiyo-higuchi Ichiyo Higuchi [Higuchi Ichiyo] x2', 'person:joshua-abraham-norton Joshua Abraham Norton [Norton I] x2'],
    ],
    [
      'a shorter name two longer names could extend joins neither',
      'John Henry Smith and John Paul Smith met. John Smith left.',
      [['John Henry Smith', 'Person'], ['John Paul Smith', 'Person'], ['John Smith', 'Person']],
      ['person:john-henry-smith John Henry Smith [] x1', 'person:john-paul-smith John Paul Smith [] x1', 'person:john-smith John Smith [] x1'],
    ],
  ];
  it.each(cases)('%s', (_why, text, specs, expected) => {
    expect(summary(resolve(text, specs))).toEqual(expected);
  });
});

const NO_NAME = country('Norway', 'NO', 'Norway');

describe('resolveEntities: countries and organisations', () => {
  it('puts names, demonyms and capitals of one code on one node named by the gazetteer', () => {
    const text = 'Oslo said Norwegian ships would stay. Norway agreed.';
    const entities = resolve(text, [
      country('Oslo', 'NO', 'Norway', 'capital'),
      country('Norwegian', 'NO', 'Norway', 'demonym'),
      country('Norway', 'NO', 'Norway'),
    ]);
    expect(summary(entities)).toEqual(['country:NO Norway [Oslo|Norwegian] x3']);
    expect(entities[0]!.iso2).toBe('NO');
  });

  it('folds an "organisation" spelled like a country the article names into that country', () => {
    const text = 'Oslo Weighs Its Options. Norway said Oslo would wait.';
    const entities = resolve(text, [['Oslo', 'Organization'], NO_NAME, country('Oslo', 'NO', 'Norway', 'capital')]);
    expect(summary(entities)).toEqual(['country:NO Norway [Oslo] x3']);
  });

  it('reads "the South" as the one South-something country the article names, and only then', () => {
    const text = 'South Sudan voted. The South’s army marched. Sudan waited.';
    const specs: MentionSpec[] = [country('South Sudan', 'SS', 'South Sudan'), ['South’s', 'Organization'], country('Sudan', 'SD', 'Sudan')];
    expect(summary(resolve(text, specs))).toEqual(['country:SS South Sudan [South] x2', 'country:SD Sudan [] x1']);
    const two = 'South Sudan and South Africa voted. The South’s army marched.';
    const both: MentionSpec[] = [country('South Sudan', 'SS', 'South Sudan'), country('South Africa', 'ZA', 'South Africa'), ['South’s', 'Organization']];
    expect(resolve(two, both).map((e) => e.id)).toEqual(['country:SS', 'country:ZA', 'org:south']);
  });

  const orgCases: Array<[string, string, MentionSpec[], string[]]> = [
    [
      'a bracketed acronym joins its expansion',
      'The Pacific Fisheries Board (PFB) met. The PFB voted.',
      [['Pacific Fisheries Board', 'Organization'], ['PFB', 'Organization'], ['PFB', 'Organization']],
      ['org:pacific-fisheries-board Pacific Fisheries Board [PFB] x3'],
    ],
    [
      'an acronym matching the initials of a hyphenated expansion joins it',
      'The Trans-Arctic Shipping Union grew. Later TASU split.',
      [['Trans-Arctic Shipping Union', 'Organization'], ['TASU', 'Organization']],
      ['org:trans-arctic-shipping-union Trans-Arctic Shipping Union [TASU] x2'],
    ],
    [
      'a bracketed acronym whose letters cannot abbreviate the name before it stays apart',
      'The Services Union (PCS) struck.',
      [['Services Union', 'Organization'], ['PCS', 'Organization']],
      ['org:services-union Services Union [] x1', 'org:pcs PCS [] x1'],
    ],
    [
      'a bracketed acronym may skip small and dropped words',
      'The Board for Arctic Shipping Safety (BASS) met.',
      [['Board for Arctic Shipping Safety', 'Organization'], ['BASS', 'Organization']],
      ['org:board-for-arctic-shipping-safety Board for Arctic Shipping Safety [BASS] x2'],
    ],
    [
      'an expansion misread as a person joins its bracketed acronym as an organisation',
      'The Board for Arctic Shipping Safety (BASS) met. BASS voted.',
      [['The Board for Arctic Shipping Safety', 'Person'], ['BASS', 'Person'], ['BASS', 'Organization']],
      ['org:board-for-arctic-shipping-safety Board for Arctic Shipping Safety [BASS] x3'],
    ],
    [
      'the last words of the one longer name are that organisation named short; a kind alone that could be two is left out',
      'The Pittsburgh Pirates signed him. The Pirates won. The Foreign Ministry and the Defence Ministry spoke. The Ministry said no.',
      [['Pittsburgh Pirates', 'Organization'], ['Pirates', 'Organization'], ['Foreign Ministry', 'Organization'], ['Defence Ministry', 'Organization'], ['Ministry', 'Organization']],
      ['org:pittsburgh-pirates Pittsburgh Pirates [Pirates] x2', 'org:foreign-ministry Foreign Ministry [] x1', 'org:defence-ministry Defence Ministry [] x1'],
    ],
    [
      'a kind alone joins the one name of its kind, and stays its own where there is none',
      'The Ministry of Defence spoke. The Ministry said no. In another case the Committee met.',
      [['Ministry of Defence', 'Organization'], ['Ministry', 'Organization'], ['Committee', 'Organization']],
      ['org:ministry-of-defence Ministry of Defence [Ministry] x2', 'org:committee Committee [] x1'],
    ],
    [
      '"the Court" joins no court the text names: it is the court hearing the case',
      'The Circuit Court erred. May it please the Court.',
      [['Circuit Court', 'Organization'], ['Court', 'Organization']],
      ['org:circuit-court Circuit Court [] x1'],
    ],
    [
      'a name before an institution\'s head noun is that institution; between two, the one named twice as often',
      'Harvard University hired him. He left Harvard. The Boston Red Sox and the Boston Red Sox fans cheered; the Pawtucket Red Sox did not. The Red Sox won.',
      [['Harvard University', 'Organization'], ['Harvard', 'Organization'], ['Boston Red Sox', 'Organization'], ['Boston Red Sox', 'Organization'], ['Pawtucket Red Sox', 'Organization'], ['Red Sox', 'Organization']],
      ['org:harvard-university Harvard University [Harvard] x2', 'org:boston-red-sox Boston Red Sox [Red Sox] x3', 'org:pawtucket-red-sox Pawtucket Red Sox [] x1'],
    ],
    [
      'a name made of the acronym and more words is no expansion of it',
      'BT said BT Together would cut prices.',
      [['BT', 'Organization'], ['BT Together', 'Organization']],
      ['org:bt BT [] x1', 'org:bt-together BT Together [] x1'],
    ],
    [
      'an acronym that matches no expansion stays its own node',
      'The Harbour Guild met the XYZ group.',
      [['Harbour Guild', 'Organization'], ['XYZ', 'Organization']],
      ['org:harbour-guild Harbour Guild [] x1', 'org:xyz XYZ [] x1'],
    ],
  ];
  it.each(orgCases)('%s', (_why, text, specs, expected) => {
    expect(summary(resolve(text, specs))).toEqual(expected);
  });

  it('keeps one spelling once, and keeps headline capitals out of the aliases', () => {
    const text = 'HARBOUR GUILD STRIKES. The Harbour Guild struck.';
    const entities = resolve(text, [['HARBOUR GUILD', 'Organization'], ['Harbour Guild', 'Organization']]);
    expect(entities).toHaveLength(1);
    expect(entities[0]!.aliases).toEqual([]);
  });
});

describe('resolveEntities: analysts decide', () => {
  const text = 'Ana Vidal met Choi at the Harbour Guild. Vidal smiled.';
  const specs: MentionSpec[] = [
    ['Ana Vidal', 'Person'],
    ['Choi', 'Person'],
    ['Harbour Guild', 'Organization'],
    ['Vidal', 'Person'],
  ];

  it('drops rejected strings before they can anchor anything', () => {
    const decisions: AnalystDecisions = { aliases: new Map(), rejected: new Set([surfaceKey('Harbour Guild')]), retyped: new Map() };
    expect(resolve(text, specs, decisions).map((e) => e.id)).toEqual(['person:ana-vidal', 'person:choi']);
  });

  it('uses the id an alias decision names, and keeps a short form an analyst resolved', () => {
    const decisions: AnalystDecisions = {
      aliases: new Map([
        [aliasKey('Person', 'Ana Vidal'), 'person:ana-maria-vidal'],
        [aliasKey('Person', 'Choi'), 'person:choi-tae-ho'],
      ]),
      rejected: new Set(),
      retyped: new Map(),
    };
    expect(resolve(text, specs, decisions).map((e) => e.id)).toEqual([
      'person:ana-maria-vidal',
      'person:choi-tae-ho',
      'org:harbour-guild',
    ]);
  });

  it('merges two groups an analyst said are one', () => {
    const decisions: AnalystDecisions = {
      aliases: new Map([[aliasKey('Organization', 'Harbour Guild'), 'person:ana-vidal']]),
      rejected: new Set(),
      retyped: new Map(),
    };
    const entities = resolve(text, specs, decisions);
    expect(entities.map((e) => e.id)).toEqual(['person:ana-vidal', 'person:choi']);
    expect(entities[0]!.mentions).toHaveLength(3);
  });

  it('retypes an entity an analyst retyped', () => {
    const decisions: AnalystDecisions = {
      aliases: new Map(),
      rejected: new Set(),
      retyped: new Map([['org:harbour-guild', 'Country']]),
    };
    expect(resolve(text, specs, decisions).find((e) => e.id === 'org:harbour-guild')!.type).toBe('Country');
  });
});
