/**
 * Typed relations from the words between two neighbouring mentions of a
 * sentence (and just around them): titles and appositions ("U.S. President
 * X", "X, the prime minister of Y"), possessives ("Y's Unification
 * Ministry") and verb patterns ("X rejected Y's proposal", "X sent troops to
 * support Y", "ties between X and Y"). Plain regular expressions over short
 * strings: no second parse of the text.
 */
import type { EntityType, RelationType } from '../../../core/src/model.js';
import { isOrganisationKind } from '../resolve/organisation-kinds.js';
import { LEADER_TITLE, STAFF_TITLE, isLeaderTitle } from '../resolve/person-titles.js';
import type { Slot } from './sentence-slots.js';

/** Two neighbouring mentions and the words between and around them. */
export interface PairContext {
  a: Slot;
  b: Slot;
  /** Text between a and b. */
  gap: string;
  /** Text from the previous mention (or sentence start) to a. */
  before: string;
  /** Text from b to the next mention (or sentence end). */
  after: string;
}

export interface RuleHit {
  type: RelationType;
  source: Slot;
  target: Slot;
  /** The target's proposal/offer was what was opposed: the opposition reaches the country the target leads. */
  againstOffer?: boolean;
}

const TITLE = `(?:${LEADER_TITLE}|${STAFF_TITLE})`;
// Auxiliaries and adverbs allowed before a verb; "not" is absent on purpose.
const AUX = String.raw`(?:(?:has|have|had|will|would|also|again|then|and|[a-z]+ly)\s+){0,3}`;
const DET = String.raw`(?:(?:the|a|an)\s+)?`;
const QUALIFIER = String.raw`(?:(?:new|newly[- ]elected|acting|current|incoming|interim|outgoing)\s+)?`;
const POSS = String.raw`(?:[’']s?)?`;

const OPPOSE_VERB =
  'turned down|turns down|spurned|spurns|snubbed|snubs|vetoed|vetoes|boycotted|boycotts|expelled|expels|rejected|rejects|reject|dismissed|dismisses|dismiss|condemned|condemns|condemn|denounced|denounces|criticized|criticised|criticizes|criticises|slammed|slams|sanctioned|sanctions|attacked|attacks|invaded|invades|threatened|threatens|accused|accuses|blamed|blames|rebuffed|rebuffs|opposed|opposes|fought|fights|bombed|bombs|sued|sues';
const SUPPORT_VERB = 'backed|backs|back|supported|supports|support|endorsed|endorses|armed|arms|funded|funds|aided|aids|helped|helps';
const SEND_VERB = 'sent|sends|send|supplied|supplies|provided|provides|delivered|delivers|shipped|ships|pledged|pledges|gave|gives|offered|offers';
const MEET_VERB =
  'met|meets|meet|visited|visits|hosted|hosts|welcomed|welcomes|phoned|telephoned|spoke to|spoke with|talked to|talked with|held talks with|holds talks with|hold talks with|met with';
const ALLY_NOUN = 'alliance|ties|partnership|cooperation|co-operation|pact|treaty|friendship|axis';
// Words that turn "ties" into the opposite of an alliance.
const NOT_ALLIED = /\b(?:(?:sever|cut|broke|strain|fray|reduc|downgrad|suspend|ended|ending|rift|tension)\w*|no|not|without)\b/i;
const notAllied = (words: string) => NOT_ALLIED.test(words.slice(-40));
const INSTITUTION =
  /\b(?:ministry|ministries|department|agency|army|navy|fleet|air force|police|parliament|congress|senate|assembly|court|government|cabinet|office|council|embassy|bureau|service|commission|military|forces|guard|central bank|treasury|intelligence|legislature|administration)\b/i;
/** Whether an organisation's name is a state institution's: a ministry, an army, a parliament. */
export const isInstitutionName = (name: string): boolean => INSTITUTION.test(name);

const re = (source: string) => new RegExp(source, 'iu');

const LEADS_TITLE_BEFORE = re(String.raw`^${POSS}\s+${QUALIFIER}(${TITLE})\s+$`);
// "X, the prime minister of Y", "X, a senior economist with Y": up to two lower-case words before the title.
const TITLE_OF_AFTER = re(String.raw`^,\s+${DET}${QUALIFIER}(?:[a-z-]+\s+){0,2}?(${TITLE})\s+(?:of|for|at|in|to|with)\s+(?:the\s+)?$`);
// "X of the Y Centre", "X, from the Y Institute": a person placed in an organisation works there.
// Not "at": "won at the Volvo Open", "designed by X at the Gielgud" name events and venues.
const AT_ORG = /^,?\s+(?:of|from)\s+(?:the\s+)?$/i;
const POSSESSIVE_TITLE_AFTER = re(String.raw`^[’']s\s+${QUALIFIER}(${TITLE})\b`);
const HEADS = re(String.raw`^,?\s+(?:who\s+)?${AUX}(?:leads|led|heads|headed|chairs|chaired|runs|ran|rules|ruled|founded)\s+(?:the\s+)?$`);
const OPPOSES = re(String.raw`^\s+${AUX}(?:${OPPOSE_VERB})\s+${DET}(?:${QUALIFIER}(?:${TITLE})\s+)?$`);
const OFFER_AFTER = re(String.raw`^[’']s\s+(?:[\w-]+\s+){0,2}?(?:proposal|offer|plan|call|overture|initiative|request|bid|demand|invitation|peace)\b`);
const WAR_ON = re(String.raw`^[’']s\s+(?:[\w-]+\s+)?(?:war|invasion|attack|attacks|offensive|aggression|strikes)\s+(?:in|on|against|of|with)\s+(?:the\s+)?$`);
const SUPPORTS = re(String.raw`^\s+${AUX}(?:${SUPPORT_VERB})\s+(?:the\s+)?$`);
// What is sent must be help: "sent arms and even troops to support Y", not "sent Z streaking away ... to Y".
const AID_NOUN =
  'arms|weapons|troops|soldiers|forces|aid|money|funds|funding|loans|ammunition|shells|missiles|tanks|jets|planes|ships|drones|equipment|supplies|food|medicine|help|assistance|relief|personnel|advisers|volunteers|military';
const SENDS_TO = re(
  String.raw`^\s+${AUX}(?:${SEND_VERB})\s+(?:[\w$£€.,-]+\s+){0,3}?(?:${AID_NOUN})\b(?:\s+[\w-]+){0,4}?\s+(?:to\s+(?:(?:support|help|back|assist|aid|bolster|defend|arm)\s+)?|for\s+)(?:the\s+)?$`,
);
const MEETS = re(String.raw`^\s+${AUX}(?:${MEET_VERB})\s+${DET}(?:${QUALIFIER}(?:${TITLE})\s+)?$`);
const BETWEEN_BEFORE = (nouns: string) => re(String.raw`\b(?:${nouns})\s+between\s+(?:the\s+)?$`);
const ALLY_BETWEEN = BETWEEN_BEFORE(ALLY_NOUN);
const MEET_BETWEEN = BETWEEN_BEFORE('talks|meeting|summit|meetings|negotiations');
const AND = /^\s+and\s+(?:the\s+)?$/i;
const AND_MET_AFTER = re(String.raw`^\s+${AUX}(?:met|meet|held talks|hold talks|talked|spoke)\b`);
const ALLY_WITH = re(String.raw`^(?:[’']s)?\s+((?:[\w-]+\s+){0,5}?)(?:${ALLY_NOUN})\s+with\s+(?:the\s+)?$`);
const ALLIED_VERB = re(String.raw`^\s+${AUX}(?:(?:is|are|was|were)\s+)?(?:allied|aligned|sided|partnered|teamed up)\s+with\s+(?:the\s+)?$`);
const ALLY_OF = re(
  String.raw`^,?\s+(?:(?:is|are|was|were|remains)\s+)?${DET}(?:(?:close|closest|key|staunch|long-?time|strong|main|major|traditional)\s+)*ally\s+of\s+(?:the\s+)?$`,
);
const POSSESSIVE_ALLY = re(String.raw`^[’']s\s+(?:[\w-]+\s+)?(?:ally|allies|partner)\s+$`);
const JOINS = re(String.raw`^\s+${AUX}(?:joined|joins|join|rejoined)\s+(?:the\s+)?$`);
const MEMBER_OF = re(
  String.raw`^,?\s+(?:(?:is|are|was|were|became|becomes|remains)\s+)?${DET}(?:(?!(?:and|or)\s)[\w-]+\s+)?members?\s+(?:of|in)\s+(?:the\s+)?$|^[’']s\s+membership\s+(?:of|in)\s+(?:the\s+)?$`,
);
// "Germany's Siemens", "Russia's Gazprom": a firm or body named by its country's possessive is based there.
const POSSESSIVE_GAP = /^[’']s\s+$/u;
// Not an international body named for the country's dealings with it: "China's WTO entry", "Britain's EU presidency".
const INTERNATIONAL = /\b(?:United Nations|UN|International|World|European|Atlantic|Asia-Pacific|African Union|Arab League|Commonwealth|Group of|Nations)\b|^Organi[sz]ation (?:of|for)\b/;
const DEALINGS_AFTER = re(
  String.raw`^\s+(?:entry|membership|accession|presidency|seat|bid|application|talks|summit|deal|ties|rules|ruling|approval|obligations|commitments|envoy|ambassador|delegation|quota|mission|allies|partners|inspectors|sanctions|status|debt|loans?|aid|file|dossier)\b`,
);
// "Argentina's Leinster fly-half Contepomi": a player's country and his club, not the club's country.
const PLAYER_AFTER = re(
  String.raw`^\s+(?:coach|manager|captain|skipper|player|star|striker|forward|midfielder|defender|goalkeeper|keeper|winger|wing|centre|fly-half|scrum-half|full-back|flanker|prop|lock|hooker|number-eight|batsman|bowler)\b`,
);
// "German carmaker BMW", "US media giant TimeWarner", "Spanish club Real Madrid": a country word, then what kind of
// body the name is (resolve/organisation-kinds.ts, and here also nouns that name people elsewhere: the name is
// already an organisation). "Chinese rival Huawei" says nothing of where Huawei is; "Dutch film maker X" is a person.
const ALSO_BODIES = new Set(['side', 'party', 'daily', 'paper', 'channel', 'miner', 'utility', 'producer', 'developer']);
const KIND_GAP = /^\s+(?:[a-z-]+\s+)??(?:([a-z-]+)\s+)?([a-z-]+)\s+$/i;
function describesBody(gap: string): boolean {
  const m = KIND_GAP.exec(gap);
  return m !== null && (ALSO_BODIES.has(m[2]!.toLowerCase()) || isOrganisationKind(m[2]!.toLowerCase(), m[1]?.toLowerCase()));
}
const BASED_IN = re(String.raw`^,?\s+(?:(?:which|that)\s+(?:is|was)\s+)?(?:based|headquartered)\s+in\s+(?:the\s+)?$`);
const BASED_BEFORE = /^-based\s+$/i;
const OF = /^\s+of\s+(?:the\s+)?$/i;

/** Talking to an organisation is an interview or a call, not a meeting: "spoke to the BBC", "spoke with Bath prop X". */
const TALKS = /\b(?:spoke|talked|phoned|telephoned)\b/i;
/** Between two people, a partner is a spouse or a colleague and teaming up is working together, not an alliance. */
const PERSONAL_PARTNER = /\b(?:partner|partnered|teamed up)\b/i;

const FUTURE = /\b(?:will|would|could|might|may|shall)\b/i;
const FORMER = /\b(?:former|ex|late|then|previous|one-time|erstwhile)[\s-]*$/i;
const NATIONALITY_ONLY = /^(?:striker|player|coach|manager|economist|analyst|executive|director|general|commander)$/i;
const MODIFIED = /^\s+(?!(?:and|or|but|said|says|told|has|have|had|is|was|were|are|will|would|who|which|that|on|in|at|to|for|from|with)\b)\p{L}/iu;

const isPlace = (t: EntityType) => t === 'Country' || t === 'Organization';

/**
 * Whether the words say the country deals with the organisation rather than hosts it, whatever else suggests it:
 * an international body (`orgName` is its canonical name), the country's dealings with it ("China's WTO
 * entry") or a player's club ("Argentina's Leinster fly-half"); `after` is the text right after the organisation.
 */
export function notBasedThere(orgName: string, after: string): boolean {
  return INTERNATIONAL.test(orgName) || DEALINGS_AFTER.test(after) || PLAYER_AFTER.test(after);
}

/** Every relation the words around one pair of neighbouring mentions state. */
export function matchPair(ctx: PairContext, orgName: (id: string) => string): RuleHit[] {
  const { a, b, gap, before, after } = ctx;
  const hits: RuleHit[] = [];
  const hit = (type: RelationType, source: Slot, target: Slot, againstOffer?: boolean) => {
    if (source.id !== target.id) hits.push(againstOffer ? { type, source, target, againstOffer } : { type, source, target });
  };
  const office = (title: string) => (isLeaderTitle(title) ? 'LEADS' : 'WORKS_FOR');

  // "U.S. President Donald Trump", "Acme's chief executive Jo Bloggs"; not "former Acme chief X", and a
  // demonym before a player's or pundit's job is a nationality ("Iranian striker X"), not an employer.
  let m: RegExpExecArray | null;
  if (isPlace(a.type) && b.type === 'Person' && (m = LEADS_TITLE_BEFORE.exec(gap)) && !FORMER.test(before)) {
    if (!(a.via === 'demonym' && NATIONALITY_ONLY.test(m[1]!))) hit(office(m[1]!), b, a);
  }
  // "X, head of UK equities": a country followed by a noun is a modifier, not the employer.
  const modifier = b.type === 'Country' && MODIFIED.test(after);
  if (a.type === 'Person' && isPlace(b.type) && !modifier) {
    // "Jo Bloggs, the prime minister of Ruritania", "Jo Bloggs, Ruritania's prime minister"
    if ((m = TITLE_OF_AFTER.exec(gap))) hit(office(m[1]!), a, b);
    else if (/^,\s+$/.test(gap) && (m = POSSESSIVE_TITLE_AFTER.exec(after))) hit(office(m[1]!), a, b);
    else if (HEADS.test(gap)) hit('LEADS', a, b);
    else if (b.type === 'Organization' && AT_ORG.test(gap)) hit('WORKS_FOR', a, b);
  }
  // "Ruritania's Interior Ministry", "the Ruritanian army"
  if (a.type === 'Country' && b.type === 'Organization' && /^(?:[’']s)?\s+$/u.test(gap) && INSTITUTION.test(orgName(b.id))) {
    hit('PART_OF', b, a);
  } else if (a.type === 'Country' && b.type === 'Organization' && a.via !== 'demonym' && POSSESSIVE_GAP.test(gap)) {
    if (!notBasedThere(orgName(b.id), after)) hit('BASED_IN', b, a);
  }
  if (a.type === 'Country' && b.type === 'Organization' && describesBody(gap) && !notBasedThere(orgName(b.id), after)) hit('BASED_IN', b, a);
  if (a.type === 'Organization' && b.type === 'Country' && OF.test(gap) && INSTITUTION.test(orgName(a.id))) hit('PART_OF', a, b);
  if (a.type === 'Organization' && b.type === 'Country' && BASED_IN.test(gap)) hit('BASED_IN', a, b);
  if (a.type === 'Country' && b.type === 'Organization' && BASED_BEFORE.test(gap)) hit('BASED_IN', b, a);

  if (OPPOSES.test(gap)) hit('OPPOSES', a, b, OFFER_AFTER.test(after));
  if (WAR_ON.test(gap)) hit('OPPOSES', a, b);
  if (SUPPORTS.test(gap) || SENDS_TO.test(gap)) hit('SUPPORTS', a, b);
  // Not a meeting still to come ("Umaga will meet O'Driscoll" is a fixture), nor one with something of b's ("met Neville's cross").
  // A demonym after "met" is the nationality of whom was met ("met Italian Prime Minister X"), not a country met.
  if (MEETS.test(gap) && !FUTURE.test(gap) && !/^[’']/u.test(after) && b.via !== 'demonym' && !(b.type === 'Organization' && TALKS.test(gap))) {
    hit('MET_WITH', a, b);
  }
  if (AND.test(gap) && (MEET_BETWEEN.test(before) || AND_MET_AFTER.test(after))) hit('MET_WITH', a, b);

  if (AND.test(gap) && ALLY_BETWEEN.test(before) && !notAllied(before.replace(ALLY_BETWEEN, '')) && !NOT_ALLIED.test(after.slice(0, 30)))
    hit('ALLIED_WITH', a, b);
  if ((m = ALLY_WITH.exec(gap)) && !notAllied(m[1]!)) hit('ALLIED_WITH', a, b);
  const personal = a.type === 'Person' && b.type === 'Person' && PERSONAL_PARTNER.test(gap);
  if ((ALLIED_VERB.test(gap) || ALLY_OF.test(gap) || POSSESSIVE_ALLY.test(gap)) && !personal) hit('ALLIED_WITH', a, b);

  // Not what belongs to the organisation: "will join EastEnders' actress X".
  if (b.type === 'Organization' && (JOINS.test(gap) || MEMBER_OF.test(gap)) && !/^[’']/u.test(after)) hit('MEMBER_OF', a, b);
  return hits;
}

/** A list after the target ("ties with Washington and Tokyo") carries the same relation. */
export const LIST_CONTINUES = /^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:the\s+)?$/i;

/** Relation types a list continuation may extend (not titles: "President of X and Y" is rarer than it looks). */
export const LIST_TYPES: ReadonlySet<RelationType> = new Set(['OPPOSES', 'SUPPORTS', 'MET_WITH', 'ALLIED_WITH', 'MEMBER_OF']);
