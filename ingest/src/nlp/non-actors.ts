/**
 * Names that are not actors. The tagger learns what a name looks like; whether the thing named can act (say,
 * decide, meet, be sanctioned) is a question of what kind of thing it is. Places other than countries,
 * buildings, events, laws and treaties, documents, products, holidays and groups of people are named in the news
 * all the time and must not become Organization or Person nodes.
 */
import worldCountriesModule from 'world-countries';
import type { Country } from 'world-countries';
import { lookupCountry } from './countries.js';
import { isTitleWord } from '../resolve/person-titles.js';

/** Languages by their English names ("Latin", "Hebrew", "English"): what people speak, not who acts. */
const LANGUAGES = new Set(
  ((worldCountriesModule as unknown as { default?: Country[] }).default ?? (worldCountriesModule as unknown as Country[]))
    .flatMap((c) => Object.values(c.languages ?? {}))
    .map((l) => l.toLowerCase()),
);

/** Head words that make a name a law, treaty, event, place, building, work or prize rather than an actor. */
const NON_ACTOR_HEADS = new Set(
  (
    'act acts treaty treaties declaration agreement accord accords convention protocol doctrine charter constitution amendment bill ' +
    'award awards prize prizes medal trophy cup championship championships games olympics open tournament festival ' +
    'war wars revolution uprising crisis massacre summit election elections referendum ' +
    'bridge street avenue road square lawn tower towers building palace castle cathedral chapel abbey mosque temple ' +
    'island islands river lake mountain mountains valley airport station hotel park stadium arena hall ' +
    'day week year era age plan programme program report index initiative syndrome disease virus ' +
    'diary diaries podcast show series mysteries album novel film movie song ' +
    'ds psp ipod iphone ipad xbox playstation walkman gamecube'
  ).split(' '),
);

/**
 * Heads that name an event or an instrument even alone: what is left of "the Korean War" or "the Iran Accord"
 * once the demonym or country went its own way. Not places or buildings: "Park", "Hall" and "Bridge" are surnames.
 */
const LONE_NON_ACTOR_HEADS = new Set(
  'war wars revolution uprising massacre summit election elections referendum olympics championships treaty treaties accord accords declaration'.split(' '),
);

const SUBJECT_PREPOSITIONS = new Set(['for', 'of', 'on', 'to', 'between', 'against']);

/** Everyday things and times written in capitals: products, formats, holidays, common acronyms. */
const NON_ACTOR_NAMES = new Set(
  (
    'pc pcs dvd dvds cd cds tv hdtv mp3 ipod iphone ipad xbox playstation wi-fi wifi gps sms mms lcd usb dna rna hiv aids sars covid ' +
    'gdp vat ceo cfo coo ai it internet web email e-mail christmas easter ramadan eid thanksgiving halloween hanukkah ' +
    'diwali valentine bible koran quran torah id mac imac itunes windows linux firefox walkman psp ds hd-dvd blu-ray x-box ' +
    'oscar oscars grammy grammys emmy emmys bafta baftas ad bc bce ce no. ' +
    // A company suffix alone: the rest of a name a comma cut off ("Atlantic Lottery Corporation, Inc.").
    'inc inc. ltd ltd. plc llc corp corp. co.'
  ).split(' '),
);

/**
 * The same, named in more than one word. Competitions named without an event head word among them: the clubs and
 * the body that runs the contest act, not the contest.
 */
const NON_ACTOR_PHRASES = new Set([
  'new year', 'golden globe', 'golden globes', 'hd dvd', 'playstation portable', 'game cube', 'internet explorer',
  'champions league', 'europa league', 'six nations', 'tri nations', 'tri-nations', 'grand slam', 'grand prix', 'super bowl', 'world series',
]);

/** Religious and other groups of people named as a body: members, not an organisation that acts. */
const PEOPLE_GROUPS = new Set(
  (
    'muslims christians jews hindus buddhists sikhs catholics protestants shias shiites sunnis tatars kurds arabs ' +
    'africans asians europeans latinos hispanics mps meps peers hindu muslim christian jewish buddhist sikh catholic protestant'
  ).split(' '),
);

/**
 * Whether a name tagged as a person or an organisation names something that is not an actor. The head decides: the
 * last word ("Carnegie Hall" is a place, "Carnegie Hall Foundation" an actor), or a word that a preposition
 * follows ("Declaration for Peace").
 */
export function isNonActorName(name: string): boolean {
  const clean = name.trim().replace(/^the\s+/i, '').replace(/[’']s?$/u, '');
  const lower = clean.toLowerCase();
  if (NON_ACTOR_NAMES.has(lower) || NON_ACTOR_PHRASES.has(lower) || PEOPLE_GROUPS.has(lower) || LANGUAGES.has(lower)) return true;
  const words = lower.split(/\s+/);
  // A title, a letter or a ruler's number alone names no one in particular: "Mr.", "Tsar", "E", "III".
  if (words.length === 1 && (isTitleWord(clean) || clean.replace(/\./g, '').length < 2 || /^[IVX]+$/.test(clean))) return true;
  if (words.length > 1 && NON_ACTOR_HEADS.has(words[words.length - 1]!)) return true;
  if (words.length === 1 && LONE_NON_ACTOR_HEADS.has(lower)) return true;
  // A church named for a saint is a building ("St Mary's Church"); a denomination's is a body ("the Catholic Church").
  if (words.length > 1 && words[words.length - 1] === 'church' && (/^(st\.?|saint)$/.test(words[0]!) || /['’]s$/.test(words[words.length - 2]!))) return true;
  // "Panmunjom Declaration for Peace", "Treaty on the Non-Proliferation of Nuclear Weapons", "Palace of Westminster".
  for (let i = 0; i + 1 < words.length; i++) if (NON_ACTOR_HEADS.has(words[i]!) && SUBJECT_PREPOSITIONS.has(words[i + 1]!)) return true;
  // A plural of a demonym is a people, not an actor: "Tatars", "Afghans", "Britons".
  if (words.length === 1 && /s$/.test(lower) && lookupCountry(clean)?.via === 'demonym') return true;
  return false;
}
