/**
 * People within one article: full names that are spelling variants meet, and
 * short forms ("Lee", "President Lee", "Kim") join the one full name they
 * can only mean (or the one the article is about), stand for a person of their own when the article names no
 * one so, or are left unresolved between namesakes.
 */
import type { Mention } from '../../../core/src/model.js';
import { cachedKey as surfaceKey } from './cached-key.js';
import type { EntityGroup } from './entity-group.js';
import { isShorterSpelling, nameWords } from './person-name-variants.js';
import { stripTitles } from './person-titles.js';

export interface PeopleResult {
  groups: EntityGroup[];
  /** Short forms that matched more than one full name: not nodes of their own. */
  unresolved: Mention[];
}

/** A person's name without titles, possessive or stray punctuation. */
export function cleanPersonName(text: string): string {
  return stripTitles(text.trim())
    .replace(/[’']s$/u, '')
    .replace(/[,;:]+$/u, '')
    .trim();
}

const parts = (name: string) => name.split(/\s+/).filter(Boolean);
const isInitial = (part: string) => /^\p{Lu}\.?$/u.test(part);

interface Cluster {
  mentions: Mention[];
  spellings: string[];
  /** Keys of the first and last name parts of every spelling: what a short form may match. */
  ends: Set<string>;
  /** Sentences naming it in full. */
  sentences: Set<number>;
  /** Sentences naming it in full or by a short form already resolved to it. */
  named: Set<number>;
  /** Keys of the middle names of each full spelling. */
  middles: string[][];
}

/** Keys of the words between the first and the last, an initial as its letter. */
const middleKeys = (nameParts: string[]): string[] => nameParts.slice(1, -1).map((p) => surfaceKey(p)).filter(Boolean);

/** Middle names agree when one spelling's are all in the other's, an initial standing for any name it begins. */
function middlesAgree(a: string[], b: string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.every((m) => long.some((l) => l === m || (m.length === 1 && l.startsWith(m)) || (l.length === 1 && m.startsWith(l))));
}

/**
 * The canonical spelling of a person: most name words that are not initials,
 * then fewest initials (so "Donald J. Trump" does not change the id of
 * "Donald Trump"), then the hyphenated romanisation ("Kim Jong-un" over "Kim Jong Un"), then the most
 * frequent, then the first seen.
 */
export function canonicalPersonName(spellings: string[]): string {
  const counts = new Map<string, number>();
  for (const s of spellings) counts.set(s, (counts.get(s) ?? 0) + 1);
  const score = (s: string) => [
    // Name words counted on the key, so "Kim Jong Un" and "Kim Jong-un" tie here.
    surfaceKey(s).split(' ').filter((w) => w.length > 1).length,
    -parts(s).filter(isInitial).length,
    s.includes('-') ? 1 : 0,
    counts.get(s) ?? 0,
  ];
  let best = spellings[0]!;
  for (const s of counts.keys()) {
    const [a, b] = [score(s), score(best)];
    for (let i = 0; i < a.length; i++) {
      if (a[i]! !== b[i]!) {
        if (a[i]! > b[i]!) best = s;
        break;
      }
    }
  }
  return best;
}

/**
 * Of two namesakes a short form could mean, the one the article is about: named at least twice as often so far
 * ("Jared Padalecki" in a biography that also names his mother "Sherri Padalecki"); else none.
 */
function dominant(candidates: Cluster[], sentence: number): Cluster[] {
  const weight = (c: Cluster): number => [...c.named].filter((s) => s <= sentence).length;
  const ranked = [...candidates].sort((a, b) => weight(b) - weight(a));
  return weight(ranked[0]!) >= 2 * weight(ranked[1]!) && weight(ranked[0]!) > 0 ? [ranked[0]!] : candidates;
}

/**
 * Joins each full name to the one longer name it is a shorter spelling of ("Otto Jespersen" to "Jens Otto Harry
 * Jespersen"), when every spelling of it is; a name two longer names could extend stays apart. Shortest first, so chains of spellings meet.
 */
function joinShorterSpellings(clusters: Cluster[]): void {
  const words = (c: Cluster) => c.spellings.map(nameWords);
  const size = (c: Cluster) => Math.max(...words(c).map((w) => w.length));
  const order = [...clusters].sort((a, b) => size(a) - size(b));
  for (const short of order) {
    const shortWords = words(short);
    const longer = clusters.filter(
      (c) => c !== short && shortWords.every((w) => words(c).some((long) => w.length <= long.length && isShorterSpelling(w, long))),
    );
    if (longer.length !== 1) continue;
    const into = longer[0]!;
    into.mentions.push(...short.mentions);
    into.spellings.push(...short.spellings);
    for (const k of short.ends) into.ends.add(k);
    for (const s of short.sentences) into.sentences.add(s);
    for (const s of short.named) into.named.add(s);
    into.middles.push(...short.middles);
    clusters.splice(clusters.indexOf(short), 1);
  }
}

/**
 * "appeared in Cry Wolf as Tom", "guest starred as Ruby": one name after "as" is a role an actor played, a character,
 * not the real person of that name the article met before. Comparisons keep their person: "just as Warhol's estate
 * did", "as much as Britney", "leaders such as Merkel".
 */
function namesARole(text: string, mention: Mention): boolean {
  const before = /(\S+)\s+as\s+$/.exec(text.slice(Math.max(0, mention.start - 24), mention.start));
  return before !== null && !/^(just|much|well|such|known|same|so|as)$/i.test(before[1]!);
}

/**
 * Group person mentions. `sentenceOf[i]` is the sentence of `mentions[i]`;
 * it lets a short form skip a full name used in its own sentence (a writer
 * who meant that person again would have said "she"). `text`, when given, keeps a role named after "as" apart.
 */
export function groupPeople(mentions: Mention[], sentenceOf: number[], text = ''): PeopleResult {
  const clusters: Cluster[] = [];
  const byFullKey = new Map<string, Cluster>();
  const byEnds = new Map<string, Cluster[]>();
  const shorts: Array<{ mention: Mention; sentence: number; key: string }> = [];

  mentions.forEach((mention, i) => {
    const name = cleanPersonName(mention.text);
    const nameParts = parts(name);
    if (nameParts.length === 0) return;
    const sentence = sentenceOf[i] ?? -1;
    if (nameParts.length === 1) {
      shorts.push({ mention, sentence, key: surfaceKey(name) });
      return;
    }
    const key = surfaceKey(name);
    const first = surfaceKey(nameParts[0]!);
    const last = surfaceKey(nameParts[nameParts.length - 1]!);
    // Same spelling key, or same first and last part with middle names that agree ("Donald J. Trump" / "Donald
    // Trump", but not "John Henry Smith" / "John Paul Smith").
    const endsKey = `${first}|${last}`;
    const middle = middleKeys(nameParts);
    const agreeing = (byEnds.get(endsKey) ?? []).filter((c) => c.middles.every((m) => middlesAgree(m, middle)));
    // "John Smith" after "John Henry Smith" and "John Paul Smith" could be either: a name of its own for now.
    let cluster = byFullKey.get(key) ?? (agreeing.length === 1 ? agreeing[0] : undefined);
    if (!cluster) {
      cluster = { mentions: [], spellings: [], ends: new Set(), sentences: new Set(), named: new Set(), middles: [] };
      clusters.push(cluster);
      byEnds.set(endsKey, [...(byEnds.get(endsKey) ?? []), cluster]);
    }
    byFullKey.set(key, cluster);
    cluster.middles.push(middle);
    cluster.mentions.push(mention);
    cluster.spellings.push(name);
    cluster.ends.add(first).add(last);
    cluster.sentences.add(sentence);
    cluster.named.add(sentence);
  });

  joinShorterSpellings(clusters);

  const unresolved: Mention[] = [];
  for (const short of shorts) {
    let candidates = text && namesARole(text, short.mention) ? [] : clusters.filter((c) => c.ends.has(short.key));
    if (candidates.length > 1) candidates = candidates.filter((c) => !c.sentences.has(short.sentence));
    // Still two namesakes: the one named in the sentence just before, if only one was, is meant.
    if (candidates.length > 1 && short.sentence > 0) {
      const recent = candidates.filter((c) => c.named.has(short.sentence - 1));
      if (recent.length === 1) candidates = recent;
    }
    if (candidates.length > 1) candidates = dominant(candidates, short.sentence);
    if (candidates.length === 0) {
      // Named by one word only ("Macron met Scholz"): a person of their own, joined across articles by id.
      const own: Cluster = { mentions: [], spellings: [], ends: new Set([short.key]), sentences: new Set<number>(), named: new Set<number>(), middles: [] };
      clusters.push(own);
      candidates = [own];
    }
    if (candidates.length !== 1) {
      unresolved.push(short.mention);
      continue;
    }
    const chosen = candidates[0]!;
    chosen.mentions.push(short.mention);
    chosen.spellings.push(cleanPersonName(short.mention.text));
    chosen.named.add(short.sentence);
  }

  const groups = clusters.map<EntityGroup>((c) => {
    const fullSpellings = c.spellings.filter((s) => parts(s).length > 1);
    return { type: 'Person', name: canonicalPersonName(fullSpellings.length > 0 ? fullSpellings : c.spellings), spellings: c.spellings, mentions: c.mentions };
  });
  return { groups, unresolved };
}
