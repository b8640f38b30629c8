/** Reading the metadata lines at the top of a plain-text article: dates, sources, bylines and page furniture. */
import { isBylineLine, isFurnitureLine, isListLike, isProse, squash } from './boilerplate.js';
import { findLeadingDate } from './dates.js';

export interface TextHeader {
  /** Indexes of lines that are metadata or furniture, to leave out of the prose. */
  consumed: Set<number>;
  /** `YYYY-MM-DD` of the first date line. */
  published?: string;
  source?: string;
  /** A link to the original ("URL: https://…", or a bare URL line). */
  url?: string;
}

// How far into the article metadata may still appear: past the standfirst, not into the story.
const MAX_HEADER_LINES = 12;
const MAX_PROSE_LINES = 2;

const DATE_LABEL = /^(?:published|updated|posted|date|dated|first published)(?:\s+on)?\s*:?\s*/iu;
// A time written before the date: "3:15 PM EDT, March 3, 2022".
const TIME_FIRST = /^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5})?\s*,?\s*/iu;
const SOURCE_LABEL = /^(?:source|via|from|publisher)\s*:\s*(.{1,60})$/iu;
const URL_LINE = /^(?:(?:url|link|canonical|original|source)\s*:\s*)?<?(https?:\/\/[^\s<>]+)>?$/iu;
const SEPARATORS = /^[\s|,·•–—-]+/u;
const CLOCK = /^(?:at\s+)?\d{1,2}[:.]\d{2}/iu;

/** A name of a few capitalised words that can stand for a source: "Clash Report", "Reuters". */
function looksLikeName(text: string): boolean {
  return isListLike(text) && text.split(/\s+/u).length <= 6 && /^\p{Lu}|^\p{N}/u.test(text);
}

/**
 * Scans the lines after the title. A date glued to a source ("July 28, 2025Clash Report") gives both;
 * a short name on the line after a bare date is the source; bylines, furniture and repeats of the
 * title or source are consumed. Stops once the story proper has begun.
 */
export function readTextHeader(lines: readonly string[], from: number, title?: string): TextHeader {
  const header: TextHeader = { consumed: new Set() };
  let seen = 0;
  let prose = 0;
  let previousWasDate = false;
  // A short name just above a bare date line is the source ("Reuters" / "March 3, 2022").
  let nameAbove: number | undefined;
  for (let i = from; i < lines.length && seen < MAX_HEADER_LINES && prose < MAX_PROSE_LINES; i += 1) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    seen += 1;
    const wasDate = previousWasDate;
    previousWasDate = false;
    const candidate = nameAbove;
    nameAbove = undefined;

    const url = URL_LINE.exec(line);
    if (url) {
      header.url ??= url[1];
      header.consumed.add(i);
      continue;
    }
    const sourceLabel = SOURCE_LABEL.exec(line);
    if (sourceLabel) {
      header.source ??= sourceLabel[1]!.trim();
      header.consumed.add(i);
      continue;
    }
    const dated = findLeadingDate(line.replace(DATE_LABEL, '').replace(TIME_FIRST, ''));
    if (dated) {
      const rest = dated.rest.replace(SEPARATORS, '').trim();
      header.published ??= dated.date;
      if (rest === '' || CLOCK.test(rest) || isBylineLine(rest) || isFurnitureLine(rest)) {
        header.consumed.add(i);
        previousWasDate = true;
        if (candidate !== undefined && !header.source) {
          header.source = lines[candidate]!.trim();
          header.consumed.add(candidate);
        }
        continue;
      }
      if (looksLikeName(rest)) {
        header.source ??= rest;
        header.consumed.add(i);
        continue;
      }
      // A dateline opening a sentence ("March 3, 2022 — Troops crossed..."): the date counts, the line is story.
      prose += 1;
      continue;
    }
    if (isFurnitureLine(line) || isBylineLine(line)) {
      header.consumed.add(i);
      continue;
    }
    const key = squash(line);
    if ((header.source && key === squash(header.source)) || (title && key === squash(title))) {
      header.consumed.add(i);
      continue;
    }
    if (wasDate && !header.source && looksLikeName(line)) {
      header.source = line;
      header.consumed.add(i);
      continue;
    }
    if (isProse(line)) prose += 1;
    else if (looksLikeName(line)) nameAbove = i;
  }
  return header;
}
