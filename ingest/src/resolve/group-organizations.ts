/**
 * Organisations within one article: spellings that share a key meet, and an
 * acronym joins its expansion ("Asia-Pacific Economic Cooperation (APEC)",
 * later "APEC") when the letters are the expansion's initials or the text
 * puts it in brackets right after it, and a short form that ends the one longer name it can
 * stand for ("the Red Sox" after "the Boston Red Sox") joins that name.
 */
import type { Mention } from '../../../core/src/model.js';
import { acronymLetters, hasWord, lettersFit, spellsOut } from './acronym-letters.js';
import { cachedKey as surfaceKey } from './cached-key.js';
import { ORG_HEADS } from '../nlp/refine.js';
import { isInstitutionKind, isSchoolHead } from '../nlp/institution-names.js';
import type { EntityGroup } from './entity-group.js';

/** An organisation's name without a leading article or trailing possessive. */
export function cleanOrganizationName(text: string): string {
  return text
    .trim()
    .replace(/^the\s+/i, '')
    .replace(/[’']s$/u, '')
    .trim();
}

/** Group organisation mentions of one article; `text` lets "(ACRONYM)" after an expansion count. */
export function groupOrganizations(text: string, mentions: Mention[]): EntityGroup[] {
  const byKey = new Map<string, EntityGroup>();
  const groups: EntityGroup[] = [];
  const ordered = [...mentions].sort((a, b) => a.start - b.start);
  const keyOf = new Map<Mention, string>();
  for (const mention of ordered) {
    const name = cleanOrganizationName(mention.canonical ?? mention.text);
    const key = surfaceKey(name);
    if (!key) continue;
    keyOf.set(mention, key);
    let group = byKey.get(key);
    if (!group) {
      group = { type: 'Organization', name, spellings: [], mentions: [] };
      byKey.set(key, group);
      groups.push(group);
    }
    group.mentions.push(mention);
    group.spellings.push(cleanOrganizationName(mention.text));
  }

  // Bracketed acronyms name the expansion just before them, whatever their letters.
  const bracketed = new Map<string, EntityGroup>();
  for (let i = 1; i < ordered.length; i++) {
    const [prev, cur] = [ordered[i - 1]!, ordered[i]!];
    const acronym = acronymLetters(cleanOrganizationName(cur.text));
    if (!acronym || !/^\s*\(\s*$/.test(text.slice(prev.end, cur.start))) continue;
    const expansion = byKey.get(keyOf.get(prev) ?? '');
    if (expansion && !acronymLetters(expansion.name) && !hasWord(expansion.name, acronym) && lettersFit(acronym, expansion.name)) bracketed.set(acronym, expansion);
  }

  const merged = new Set<EntityGroup>();
  for (const group of groups) {
    const acronym = acronymLetters(group.name);
    if (!acronym) continue;
    const expansions = groups.filter((g) => g !== group && spellsOut(g.name, acronym));
    const target = bracketed.get(acronym) ?? (expansions.length === 1 ? expansions[0] : undefined);
    if (!target) continue;
    target.mentions.push(...group.mentions);
    target.spellings.push(...group.spellings);
    merged.add(group);
  }
  const ambiguous = joinTailForms(groups.filter((g) => !merged.has(g)), merged);
  return groups.filter((g) => !merged.has(g) && !ambiguous.has(g));
}

/**
 * A name that is the last words of exactly one longer name in the article is that organisation named short:
 * "Pirates" after "Pittsburgh Pirates", "ROTC" after "Air Force ROTC", "the Commission" after "the European
 * Commission"; so is a name before an institution's head noun ("Harvard" for "Harvard University"). Two longer
 * names it could stand for ("Foreign Ministry", "Defence Ministry") leave it alone, unless the article names one
 * at least twice as often. An institution's kind alone ("the Court") joins the one name of its kind; where the article
 * names two or more, it could be any of them and is returned as ambiguous, to be left out; where it names none, it
 * stays an organisation of its own.
 */
function joinTailForms(groups: EntityGroup[], merged: Set<EntityGroup>): Set<EntityGroup> {
  const ambiguous = new Set<EntityGroup>();
  const words = (g: EntityGroup) => surfaceKey(g.name).split(' ');
  for (const short of groups) {
    const tail = words(short);
    const kind = isInstitutionKind(short.name);
    const longer = groups.filter((g) => {
      const w = words(g);
      if (g === short || merged.has(g) || w.length <= tail.length) return false;
      const endsWithIt = tail.every((t, i) => w[w.length - tail.length + i] === t);
      // "Harvard" for "Harvard University": the name before an institution's head noun.
      const namesItsHead = tail.length === 1 && w.length === 2 && w[0] === tail[0] && (ORG_HEADS.has(w[1]!) || isSchoolHead(w[1]!));
      // "the Court" may stand for any court the article names, "Supreme Court of the State" as much as "Circuit Court".
      const ofItsKind = kind && w.includes(tail[0]!);
      return endsWithIt || namesItsHead || ofItsKind;
    });
    // Between two, the one the article names at least twice as often ("Boston Red Sox" over "Pawtucket Red Sox").
    const ranked = [...longer].sort((a, b) => b.mentions.length - a.mentions.length);
    // "the Court" in legal text is the court hearing the case, which the transcript seldom names in full: whatever
    // other court the text names, it may not be that one.
    const anyCourt = kind && /^courts?$/i.test(cleanOrganizationName(short.name)) && ranked.length > 0;
    if (kind && (ranked.length > 1 || anyCourt)) {
      ambiguous.add(short);
      continue;
    }
    if (ranked.length === 0 || (ranked.length > 1 && ranked[0]!.mentions.length < 2 * ranked[1]!.mentions.length)) continue;
    ranked[0]!.mentions.push(...short.mentions);
    ranked[0]!.spellings.push(...short.spellings);
    merged.add(short);
  }
  return ambiguous;
}
