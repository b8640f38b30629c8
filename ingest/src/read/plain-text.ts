/** Plain-text articles: title line, metadata lines, prose paragraphs and trailing topic lists. */
import { isFurnitureLine, isProse, squash } from './boilerplate.js';
import { cleanParagraph, joinParagraphs } from './paragraphs.js';
import { readTextFooter } from './text-footer.js';
import { readTextHeader } from './text-header.js';
import type { ArticleDraft } from './types.js';

/** Metadata already known from elsewhere (Markdown front matter); it wins over what the lines suggest. */
export interface TextHints {
  title?: string;
  source?: string;
  published?: unknown;
  topics?: string[];
}

const LIST_ITEM = /^(?:[-*•·‣▪–]|\d{1,2}[.)])\s+/u;

// A first line this long that reads as a sentence is the story itself, not a headline.
const MAX_TITLE_WORDS = 25;

function titleFrom(line: string): string {
  return cleanParagraph(line.replace(/^#{1,6}\s+/u, '').replace(/^title\s*:\s*/iu, ''));
}

/**
 * Reads an article laid out as lines of text.
 * @example readPlainText('Leaders meet\n\nMarch 3, 2022\nReuters\n\nThe talks began.').source // 'Reuters'
 */
export function readPlainText(raw: string, hints: TextHints = {}): ArticleDraft {
  const lines = raw.replace(/\r\n?/gu, '\n').split('\n');
  let start = lines.findIndex((l) => l.trim() !== '');
  if (start < 0) return { text: '', topics: hints.topics ?? [] };

  let title = hints.title;
  const first = lines[start]!.trim();
  if (title !== undefined) {
    if (squash(titleFrom(first)) === squash(title)) start += 1;
  } else if (!(isProse(first) && first.split(/\s+/u).length > MAX_TITLE_WORDS)) {
    title = titleFrom(first);
    start += 1;
  }

  const header = readTextHeader(lines, start, title);
  const source = hints.source ?? header.source;
  const footer = readTextFooter(lines, start, { title, source });

  // Paragraphs are runs of kept lines; a dropped line also ends a paragraph.
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) paragraphs.push(current.join(' '));
    current = [];
  };
  for (let i = start; i < footer.end; i += 1) {
    const line = lines[i]!.trim();
    if (line === '' || header.consumed.has(i) || isFurnitureLine(line)) {
      flush();
    } else if (LIST_ITEM.test(line)) {
      // Each list item stands alone: joined to its neighbours it would run two facts into one sentence.
      flush();
      current.push(line.replace(LIST_ITEM, ''));
      flush();
    } else {
      current.push(line);
    }
  }
  flush();

  return {
    title,
    text: joinParagraphs(paragraphs),
    source,
    url: header.url,
    published: hints.published ?? header.published,
    topics: [...(hints.topics ?? []), ...footer.topics],
  };
}
