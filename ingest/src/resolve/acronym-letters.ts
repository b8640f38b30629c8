/**
 * Acronyms and the names they stand for, by their letters alone: no lexicon, no tagger, so stage 6 (on the
 * ingest's main thread) reads them without loading the NLP.
 */
const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'on', 'in', 'at', 'to', 'de', 'du', 'des', 'la', 'le', 'et', 'del', '&']);

/** The letters of an acronym ("A.P.E.C." -> "APEC"), or undefined when the name is not one. */
export function acronymLetters(name: string): string | undefined {
  const letters = name.replace(/\./g, '');
  return /^[A-Z][A-Z0-9&]{1,9}$/.test(letters) ? letters.replace(/&/g, '') : undefined;
}

/** Initials of a multi-word name: "Asia-Pacific Economic Cooperation" -> "APEC". */
function initials(name: string): string {
  return name
    .split(/[\s\-‐–]+/u)
    .filter((w) => w && !SMALL_WORDS.has(w.toLowerCase()))
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/**
 * Whether a bracketed acronym can abbreviate a name: its letters are word
 * initials of the name, in order ("MSF" for "Médecins Sans Frontières", "PCS"
 * not for a clipped "Commercial Services Union").
 */
export function lettersFit(acronym: string, name: string): boolean {
  const heads = name
    .split(/[\s\-‐–]+/u)
    .filter(Boolean)
    .map((w) => w.normalize('NFKD')[0]!.toUpperCase());
  let i = 0;
  for (const letter of acronym) {
    while (i < heads.length && heads[i] !== letter) i++;
    if (i++ >= heads.length) return false;
  }
  return acronym[0] === heads[0];
}

/** Whether the name has the acronym as one of its words: "BT Together" is BT's product, not what "BT" stands for. */
export const hasWord = (name: string, acronym: string): boolean => name.split(/[\s\-‐–]+/u).some((w) => w.replace(/\./g, '') === acronym);

/** Whether `name` is what `acronym` stands for: its word initials, and not the acronym plus more words. */
export function spellsOut(name: string, acronym: string): boolean {
  return !acronymLetters(name) && !hasWord(name, acronym) && initials(name) === acronym;
}
