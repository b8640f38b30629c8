/** Hard cases for the mention stage, in our own words: clean spans, countries by name, abbreviation, demonym and capital, headlines. */
import { describe, expect, it } from 'vitest';
import type { Mention } from '../../../core/src/model.js';
import { findMentions } from './02-find-mentions.js';

const show = (m: Mention): string => `${m.type}:${m.text}`;

/** [text, mentions that must be found exactly ("Type:span"), country details that must hold ("span=ISO2/via")]. */
const FOUND: Array<[string, string[], string[]?]> = [
  ['Kim Yo-jong, the sister of leader Kim Jong Un, warned the South on Tuesday.', ['Person:Kim Yo-jong', 'Person:Kim Jong Un']],
  ['Officials said President Lee Jae-myung would attend the summit.', ['Person:Lee Jae-myung']],
  ['President Lee, speaking after the vote, said talks were still possible.', ['Person:Lee']],
  ['Seoul’s proposal was rejected within hours.', ['Country:Seoul'], ['Seoul=KR/capital']],
  [
    'U.S. President Donald Trump spoke by phone with the Japanese prime minister.',
    ['Country:U.S.', 'Person:Donald Trump', 'Country:Japanese'],
    ['U.S.=US/abbreviation', 'Japanese=JP/demonym'],
  ],
  ['North Korean state media called the plan a provocation.', ['Country:North Korean'], ['North Korean=KP/demonym']],
  ['He has worked in French politics for years.', ['Country:French'], ['French=FR/demonym']],
  ['The report was carried by North Korean state media.', ['Country:North Korean'], ['North Korean=KP/demonym']],
  [
    'Leaders gathered for the Asia-Pacific Economic Cooperation (APEC) forum, and APEC ministers met later.',
    ['Organization:Asia-Pacific Economic Cooperation', 'Organization:APEC'],
  ],
  [
    'South Korea’s Unification Ministry said the offer still stood.',
    ['Country:South Korea', 'Organization:Unification Ministry'],
    ['South Korea=KR/name'],
  ],
  ['Washington and Tokyo issued a joint statement on Sunday.', ['Country:Washington', 'Country:Tokyo'], ['Washington=US/capital', 'Tokyo=JP/capital']],
  ['The DPRK fired two missiles, the Foreign Ministry said.', ['Country:DPRK', 'Organization:Foreign Ministry'], ['DPRK=KP/abbreviation']],
  ['She addressed the United Nations Security Council on Friday.', ['Organization:United Nations Security Council']],
  ['Michael Jordan flew to Jordan last spring.', ['Person:Michael Jordan', 'Country:Jordan']],
  ['Germany and France signed the accord in Brussels.', ['Country:Germany', 'Country:France']],
  // A name ends before a weekday and starts after a greeting; an owner's possessive ends the owner.
  ['The reporter spoke with Aner Shalev Wednesday about his new novel.', ['Person:Aner Shalev']],
  ['Hey Frank, thanks for coming in today.', ['Person:Frank']],
  ["She joined Berkeley's Department of Linguistics in 1971.", ['Organization:Berkeley', 'Organization:Department of Linguistics']],
  // A capital before a verb is its government, even one the lexicon calls an adjective.
  ['Seoul rejected the offer on Tuesday.', ['Country:Seoul'], ['Seoul=KR/capital']],
  // One-word sides of "and" that each name something alone are two actors.
  ['The chip was designed by Sony and IBM in Texas.', ['Organization:Sony', 'Organization:IBM']],
  // Headlines: an institution keeps its name even when its words are ordinary ones.
  ['Unification Ministry Says North Rejected Offer', ['Organization:Unification Ministry']],
  ['UNIFICATION MINISTRY SAYS NORTH REJECTED OFFER', ['Organization:UNIFICATION MINISTRY']],
];

/** [text, strings that must not be a mention nor inside one]. */
const NOT_FOUND: Array<[string, string[]]> = [
  ['Joint Military Drills Resume as Peace Talks Stall', ['Joint', 'Military', 'Drills', 'Peace', 'Talks']],
  ['Cover Image', ['Cover', 'Image']],
  ['Trump Says He Is Open to Kim Talks', ['Kim Talks', 'Talks', 'Says']],
  ['Related Topics', ['Related', 'Topics']],
  ['The turkey and the guinea fowl were roasted for the holiday.', ['turkey', 'guinea']],
  ['He said us officials would come to the us embassy.', ['us']],
  // A list of topic headings under an article: none of them is an actor.
  ['Inter-Korean Relations\nLeaflet Ban\nTrump-Kim Talks\nPeace Talks', ['Leaflet', 'Ban', 'Trump-Kim', 'Talks', 'Peace']],
  // Diaries and television series are works, not actors.
  ['The Gordon Diary was published in Moscow.', ['Gordon', 'Diary']],
  ['The Lynley Mysteries ran for six series on the BBC.', ['Lynley', 'Mysteries']],
  // A capital that modifies a noun or starts a longer name is a place.
  ['Seeking recognition beyond the Prague area, he wrote to Vienna.', ['Prague']],
  ['She designed the aquatic centre for the London 2012 Olympics.', ['London']],
  // A product named after its maker is no actor.
  ['Nintendo said the Nintendo DS sold well, beating the Sony PSP.', ['DS', 'PSP']],
  // Nor one its owner's possessive splits off: the firms stay, the formats go.
  ["Toshiba's HD-DVD rivals Sony's Blu-ray, Toshiba and Sony said.", ['HD-DVD', 'Blu-ray']],
  // Languages, religions and a title alone name no actor.
  ['He wrote his first poems in Latin, and later translated them into Hebrew.', ['Latin', 'Hebrew']],
  // A demonym naming a language is no country acting ("in French politics" is).
  ['Macron spoke in French to reporters, and his aide answered in Spanish.', ['French', 'Spanish']],
  ['The Hindu community gathered at the temple.', ['Hindu']],
  // "the North" alone is no actor we can pin down.
  ['Seoul said the North had ignored the offer.', ['North']],
  // A title a work noun names once is a title in every mention, even before an auxiliary ("comedy X was named").
  ['Quirky comedy Sideways was named best film. Million Dollar Baby and Sideways all cashed in.', ['Sideways']],
  // A law's name ends in "Bill", which is no person there.
  ['MPs voted in favour of the Prevention of Terrorism Bill after Mr Clarke agreed.', ['Bill']],
  // A competition is no actor: the clubs in it are.
  ['Liverpool reached the last eight of the Champions League after beating Bayer Leverkusen.', ['Champions']],
  ['England opened their Six Nations campaign against Wales.', ['Six', 'Nations']],
];

describe('findMentions: hard cases', () => {
  it.each(FOUND)('%s', (text, expected, countries = []) => {
    const { mentions } = findMentions(text);
    const found = mentions.map(show);
    for (const e of expected) expect(found).toContain(e);
    for (const c of countries) {
      const [span, detail] = c.split('=') as [string, string];
      const m = mentions.find((x) => x.text === span && x.type === 'Country');
      expect(m && `${m.iso2}/${m.via}`).toBe(detail);
    }
  });

  it('resolves a demonym and a capital to the canonical country name', () => {
    const text = 'North Korean envoys left Pyongyang, and Pyongyang said nothing.';
    const { mentions } = findMentions(text);
    expect(mentions.find((m) => m.text === 'North Korean')?.canonical).toBe('North Korea');
    // "left Pyongyang" is a place; "Pyongyang said" is the government.
    const capital = mentions.filter((m) => m.text === 'Pyongyang');
    expect(capital).toHaveLength(1);
    expect(capital[0]).toMatchObject({ type: 'Country', iso2: 'KP', via: 'capital', canonical: 'North Korea' });
    expect(text.slice(capital[0]!.end)).toMatch(/^ said/);
  });
});

describe('findMentions: false positives', () => {
  it.each(NOT_FOUND)('%s', (text, forbidden) => {
    const { mentions } = findMentions(text);
    for (const m of mentions) for (const f of forbidden) expect(m.text.split(/\s+/)).not.toContain(f);
  });
});

describe('findMentions: spans and sentences', () => {
  const text =
    'Pyongyang Rejects Seoul Offer\n\nNorth Korea’s foreign ministry said on Monday that it would not meet U.S. envoys. ' +
    '"We have no interest," said Kim Yo-jong. The Unification Ministry in Seoul called that regrettable.';
  const { sentences, mentions } = findMentions(text);

  it('gives exact, sorted, non-overlapping spans without punctuation or possessives', () => {
    let last = -1;
    for (const m of mentions) {
      expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(m.start).toBeGreaterThanOrEqual(last);
      last = m.end;
      expect(m.text).not.toMatch(/['’]s$|[,;:!?"”]$/);
      // A final period only as part of an abbreviation ("U.S.").
      if (m.text.endsWith('.')) expect(m.text).toMatch(/^([A-Z]\.)+$/);
    }
    expect(mentions.map(show)).toContain('Country:North Korea');
    expect(mentions.map(show)).toContain('Person:Kim Yo-jong');
  });

  it('ends a sentence at the headline and at each full stop', () => {
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'Pyongyang Rejects Seoul Offer',
      'North Korea’s foreign ministry said on Monday that it would not meet U.S. envoys.',
      '"We have no interest," said Kim Yo-jong.',
      'The Unification Ministry in Seoul called that regrettable.',
    ]);
  });

  it('returns nothing for empty or blank text', () => {
    expect(findMentions('')).toEqual({ sentences: [], mentions: [] });
    expect(findMentions('  \n ')).toEqual({ sentences: [], mentions: [] });
  });
});
