/**
 * Common nouns that say "this is an organisation" when they stand right before a name ("investment bank Merrill
 * Lynch", "oil firm Yukos", "the band Franz Ferdinand", "search engine Ask Jeeves") or head an apposition after it
 * ("Yukos, the Russian oil firm,"). Only nouns no person is called: "analyst", "rival", "side" and "partner" name
 * people too. Read by the type repairs (a person-typed name so described is a firm) and by the BASED_IN rule
 * ("German carmaker BMW").
 */
const ORGANISATION_KINDS: ReadonlySet<string> = new Set(
  ('firm company bank group giant maker carmaker automaker chipmaker drugmaker retailer carrier airline operator ' +
    'broadcaster regulator watchdog club band studio publisher insurer lender brewer chain conglomerate supermarket ' +
    'network label newspaper magazine charity agency consultancy bookmaker outfit manufacturer distributor supplier engine')
    .split(' '),
);

/** Words before "maker" that make a person of the maker: "film maker Theo van Gogh", "a policy maker". */
const PEOPLE_MAKERS = new Set('film movie documentary programme policy decision peace king trouble match'.split(' '));

/** Whether `noun`, with the word before it, names a kind of organisation ("electronics maker", not "film maker"). */
export function isOrganisationKind(noun: string | undefined, wordBefore?: string): boolean {
  if (noun === undefined || !ORGANISATION_KINDS.has(noun)) return false;
  return noun !== 'maker' || !PEOPLE_MAKERS.has(wordBefore ?? '');
}
