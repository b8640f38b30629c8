/**
 * When two full names in one article are the same person written two ways. Biographies and long reports name
 * their subject in full once ("Jens Otto Harry Jespersen", "Zaha Mohammad Hadid DBE RA", "Patrick Leopold Gordon
 * of Auchleuchries") and shorter ever after ("Otto Jespersen", "Zaha Hadid", "Patrick Gordon"); East Asian names
 * come in either order ("Higuchi Ichiyo", "Ichiyo Higuchi"). Each pair is one actor.
 */
import { cachedKey as surfaceKey } from './cached-key.js';

/** Honours and degrees written after a name: not part of who the person is. */
const POST_NOMINALS = new Set(['frs', 'frse', 'dbe', 'cbe', 'obe', 'mbe', 'kbe', 'gbe', 'kg', 'vc', 'ra', 'qc', 'kc', 'mp', 'mep', 'phd', 'md']);
/** A ruler's number ("Norton I", "Louis XV"): it tells namesakes apart, but never two spellings of one person. */
const REGNAL = /^(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3}|xiv|xvi{0,3})$/;

/**
 * The words a name is matched on, keyed: without honours after it, a ruler's number, or a territorial
 * designation ("of Auchleuchries").
 */
export function nameWords(name: string): string[] {
  const words = surfaceKey(name).split(' ').filter(Boolean);
  const of = words.indexOf('of');
  const kept = of > 0 ? words.slice(0, of) : words;
  while (kept.length > 1 && (POST_NOMINALS.has(kept[kept.length - 1]!) || REGNAL.test(kept[kept.length - 1]!))) kept.pop();
  return kept;
}

/**
 * Whether `short` names the same person as `long`, by the words `nameWords` gives: every word of the shorter name
 * is in the longer one, and they share the surname (the last word) or the shorter is the longer's given names ("Pierre Charles" of
 * "Pierre Charles L'Enfant"); or the two have the same words in another order.
 */
export function isShorterSpelling(short: string[], long: string[]): boolean {
  // One word left once honours and numbers are gone ("Norton I"): the surname of the longer name, or nothing.
  if (short.length === 1) return long.length >= 2 && long[long.length - 1] === short[0];
  if (short.length > long.length) return false;
  if (!short.every((w) => long.includes(w))) return false;
  if (short.length === long.length) return true;
  if (short[short.length - 1] === long[long.length - 1]) return true;
  return short.every((w, i) => long[i] === w);
}
