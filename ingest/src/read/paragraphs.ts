/** Turning loose lines and blocks into the one canonical prose layout: paragraphs joined by a blank line. */

/** Collapses whitespace inside one paragraph (line wraps, tabs, non-breaking spaces). */
export function cleanParagraph(paragraph: string): string {
  return paragraph.replace(/\s+/gu, ' ').trim();
}

/** Joins paragraphs with blank lines, dropping empty ones. */
export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.map(cleanParagraph).filter((p) => p !== '').join('\n\n');
}

/** Splits plain text on blank lines; single line breaks inside a paragraph are wraps, not breaks. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/gu, '\n')
    .split(/\n[ \t\u00a0]*\n/u)
    .map(cleanParagraph)
    .filter((p) => p !== '');
}
