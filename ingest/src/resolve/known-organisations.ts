/**
 * Organisations the news names by short forms, shipped with the project so that "the Fed", "EU", "Tories" or
 * "BBC News" land on the node of the full name even in an article that never spells it out.
 * Each entry: the canonical name (it gives the node its id), then its short forms and variants, written as the
 * news writes them (matched case-sensitively: "WHO" is the organisation, "who" is not).
 */
const KNOWN: Array<[canonical: string, ...forms: string[]]> = [
  ['United Nations', 'UN', 'U.N.', 'United Nations Organization'],
  ['UN Security Council', 'United Nations Security Council', 'Security Council', 'UNSC'],
  ['UN General Assembly', 'United Nations General Assembly', 'UNGA'],
  ['European Union', 'EU', 'E.U.'],
  ['European Commission', 'EC'],
  ['European Central Bank', 'ECB'],
  ['North Atlantic Treaty Organization', 'NATO', 'Nato', 'North Atlantic Treaty Organisation'],
  ['Federal Reserve', 'Fed', 'US Federal Reserve', 'U.S. Federal Reserve', 'Federal Reserve Board', 'Federal Reserve Bank'],
  ['Asia-Pacific Economic Cooperation', 'APEC', 'Apec'],
  ['Association of Southeast Asian Nations', 'ASEAN', 'Asean'],
  ['African Union', 'AU'],
  ['International Monetary Fund', 'IMF'],
  ['World Trade Organization', 'WTO', 'World Trade Organisation'],
  ['World Health Organization', 'WHO', 'World Health Organisation'],
  ['International Atomic Energy Agency', 'IAEA'],
  ['International Criminal Court', 'ICC'],
  ['Organisation for Economic Co-operation and Development', 'OECD'],
  ['Organization of the Petroleum Exporting Countries', 'OPEC', 'Opec'],
  // Two groupings, not one: the G8 added Russia to the G7, and the G7 went on meeting without it.
  ['Group of Seven', 'G7', 'G-7'],
  ['Group of Eight', 'G8', 'G-8'],
  ['Group of 20', 'G20', 'G-20', 'Group of Twenty'],
  ['Palestine Liberation Organization', 'PLO'],
  ['Federal Bureau of Investigation', 'FBI'],
  ['Central Intelligence Agency', 'CIA'],
  ['National Security Agency', 'NSA'],
  ['Securities and Exchange Commission', 'SEC'],
  ['Internal Revenue Service', 'IRS'],
  ['International Olympic Committee', 'IOC'],
  ['White House'],
  ['Kremlin'],
  ['Pentagon'],
  ['Downing Street', 'No 10', 'Number 10'],
  ['House of Commons', 'Commons'],
  ['House of Lords', 'Lords'],
  ['House of Representatives'],
  ['BBC', 'British Broadcasting Corporation', 'BBC News', 'BBC Radio', 'BBC One', 'BBC Two', 'BBC World Service', 'BBC News website', 'BBC Sport',
    // Its radio stations, which the news names with their number.
    'BBC Radio 1', 'BBC Radio 2', 'BBC Radio 3', 'BBC Radio 4', 'BBC Radio One', 'BBC Radio Five Live', 'BBC Radio 5 Live',
    'Radio 1', 'Radio 2', 'Radio 3', 'Radio 4', 'Radio One', 'Radio Five Live', 'Radio 5 Live'],
  ['Conservative Party', 'Conservatives', 'Tories', 'Tory', 'Tory Party', 'Tory party', 'Conservative party'],
  ['Labour Party', 'Labour', 'Labour party', 'New Labour'],
  ['Liberal Democrats', 'Lib Dems', 'Lib Dem', 'Liberal Democrat Party', 'Liberal Democrat'],
  ['UK Independence Party', 'UKIP', 'Ukip'],
  ['Scottish National Party', 'SNP'],
  ['Democratic Party', 'Democrats'],
  ['Republican Party', 'Republicans', 'GOP'],
  ['Manchester United', 'Man Utd', 'Man United'],
  ['Manchester City', 'Man City'],
  ['IBM', 'International Business Machines'],
  ['BT', 'BT Group', 'British Telecom', 'British Telecommunications'],
];

/** Short forms that are everyday words when written alone: only a tagger's ORG reading, never a sighting, counts. */
const NOT_ON_SIGHT = new Set(['Tory', 'WHO', 'AU', 'EC', 'SEC', 'Labour', 'No 10', 'Number 10', 'G8', 'Liberal Democrat', 'Lib Dem', 'Security Council']);
/** Short forms that name the organisation when "the" comes before them: "the Fed", "the Kremlin", "the Tories". */
const AFTER_THE = new Set(['Commons', 'Lords', 'Fed', 'Kremlin', 'Pentagon', 'Conservatives', 'Democrats', 'Republicans', 'Tories', 'White House', 'Security Council']);

const canonicalOf = new Map<string, string>();
for (const [canonical, ...forms] of KNOWN) {
  canonicalOf.set(canonical, canonical);
  for (const form of forms) canonicalOf.set(form, canonical);
}

/** The full name an organisation's short form or variant stands for, or undefined when the list does not know it. */
export function knownOrganisation(name: string): string | undefined {
  const clean = name.trim().replace(/^the\s+/i, '').replace(/[’']s$/u, '').replace(/\s+/g, ' ');
  return canonicalOf.get(clean);
}

/** The forms that may be tagged wherever they appear untagged, and whether they need "the" before them. */
export function organisationsOnSight(): Array<{ form: string; afterThe: boolean }> {
  return [...canonicalOf.keys()]
    .filter((form) => !NOT_ON_SIGHT.has(form) || AFTER_THE.has(form))
    .map((form) => ({ form, afterThe: AFTER_THE.has(form) }));
}
