/** Classifying the short non-prose lines that scraped articles carry: page furniture, bylines, credits, outlet names. */

/** Letters and digits only, lower-cased: "ClashReport" and "Clash Report" compare equal. */
export function squash(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

// Whole lines that are page furniture wherever they appear (compared squashed, so case and punctuation do not matter).
const FURNITURE = new Set(
  [
    'Cover Image', 'Featured Image', 'Image', 'Photo', 'Advertisement', 'Sponsored', 'Share', 'Share this',
    'Share this article', 'Share on Facebook', 'Share on Twitter', 'Share on X', 'Tweet', 'Print', 'Email',
    'Read more', 'Read more:', 'Continue reading', 'Subscribe', 'Sign up', 'Follow us', 'Comments',
    'Skip to content', 'Skip to main content', 'Listen to this article', 'Copy link', 'Save', 'Sources:',
    'Source:', 'Related', 'Related Articles', 'Related Stories', 'More on this story', 'Most read', 'Top stories',
  ].map(squash),
);

const CREDIT_PATTERNS: readonly RegExp[] = [
  /^(?:image|photo|picture|photograph|video)s?(?:\s+credit)?s?\s*[:©]/iu, // "Photo: Getty Images"
  /^(?:image|photo|picture)s?\s+(?:by|via|courtesy(?:\s+of)?)\s/iu, // "Photo by Jane Roe"
  /^(?:©|\(c\)|copyright\b)/iu, // copyright notices
  /^\d+\s+min(?:ute)?s?\s+read$/iu, // reading-time badges
  /^(?:updated|last updated)\s*:?$/iu,
];

/** A line that is page furniture or a credit, not part of the story. */
export function isFurnitureLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === '') return false;
  if (FURNITURE.has(squash(trimmed))) return true;
  return trimmed.length <= 120 && CREDIT_PATTERNS.some((p) => p.test(trimmed));
}

// A staff byline made of a desk or site name and a role: "ClashReport Editor", "World Desk", "Newsroom Staff".
const STAFF_ROLE = /^[\p{L}\p{N}.&'’-]+(?:\s+[\p{L}\p{N}.&'’-]+){0,3}\s+(?:editors?|staff|desk|newsroom|team|reporters?|correspondents?|writers?)$/iu;
// "By Jane Roe", "By Jane Roe and John Doe, Reuters", "By Jane Roe | Wire Service"
const BY_LINE = /^by\s+\p{Lu}[\p{L}.'’-]*(?:[\s,|·•–—]+(?:and\s+)?[\p{L}.'’-]+){0,8}$/u;

// A reporter and where they file from: "Jane Roe in Lisbon", "Jane Roe and Omar Haddad in Cairo".
const NAME_IN_PLACE = /^\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3}(?:\s+and\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})?\s+in\s+\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?$/u;

/** A byline: who wrote it, not what happened. */
export function isBylineLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length > 80) return false;
  return BY_LINE.test(trimmed.replace(/^by\b/iu, 'by')) || STAFF_ROLE.test(trimmed) || NAME_IN_PLACE.test(trimmed);
}

/** Short, no sentence ending: a heading, a list item, a name, never a paragraph of prose. */
export function isListLike(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > 80) return false;
  if (trimmed.split(/\s+/u).length > 10) return false;
  return !/[.!?:;"”’)]$/u.test(trimmed) || /^[\p{Lu}.]+$/u.test(trimmed.replace(/\s/gu, ''));
}

/** Looks like a paragraph of prose: several words ending like a sentence. */
export function isProse(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.split(/\s+/u).length >= 8 && /[.!?"”’)]$/u.test(trimmed);
}

// News outlets and agencies. Scraped pages often spill their "Sources" credits into the topic list below them.
const AGENCIES = new Set(
  [
    'Reuters', 'Associated Press', 'AP', 'AFP', 'Agence France-Presse', 'BBC', 'BBC News', 'CNN', 'Al Jazeera',
    'Bloomberg', 'Yonhap', 'KCNA', 'Xinhua', 'TASS', 'Kyodo', 'NPR', 'DPA', 'ANSA', 'EFE', 'Politico', 'Axios',
  ].map(squash),
);
const OUTLET_WORD = /^(?:The\s+)?(?:\p{Lu}[\p{L}'’.&-]*\s+){0,4}(?:Times|Post|News|Journal|Herald|Tribune|Guardian|Telegraph|Gazette|Chronicle|Observer|Economist|Independent|Press|Wire|Daily|Monitor|Standard|Insider|Agency|Broadcasting(?:\s+Corporation)?)$/u;

/** The name of a news outlet or wire agency (a credit, not a topic). */
export function isOutletName(line: string): boolean {
  const trimmed = line.trim();
  if (AGENCIES.has(squash(trimmed))) return true;
  return OUTLET_WORD.test(trimmed);
}
