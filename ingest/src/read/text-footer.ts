/** Reading the lists at the end of a plain-text article: topics and tags kept, credits and repeats dropped. */
import { isFurnitureLine, isListLike, isOutletName, squash } from './boilerplate.js';

export interface TextFooter {
  /** Index of the first footer line: the story ends before it. */
  end: number;
  topics: string[];
}

const TOPIC_HEADING = /^(?:related topics|topics|tags|tagged|tagged with|keywords|filed under|related tags)\s*:?$/iu;
const TOPIC_INLINE = /^(?:topics|tags|tagged|tagged with|keywords|filed under)\s*:\s*(.+)$/iu;
const OTHER_HEADING =
  /^(?:sources?|references|related|related (?:articles|stories|coverage|reading|links)|read more|read next|more on this story|see also|share this(?: article)?)\s*:?$/iu;

function splitInline(list: string): string[] {
  return list.split(/\s*[,;|]\s*/u).map((t) => t.trim()).filter((t) => t !== '');
}

/**
 * Finds the footer: a run of headings ("Sources:", "Related Topics", "Tags") and short list lines
 * at the very end. Items under a topic heading become topics, one per line; a repeat of the title or
 * source, an outlet name (credits often spill into the list) and furniture are not topics.
 */
export function readTextFooter(
  lines: readonly string[],
  from: number,
  context: { title?: string; source?: string },
): TextFooter {
  const notTopics = new Set([context.title, context.source].filter((s): s is string => !!s).map(squash));
  const isNoise = (line: string): boolean => notTopics.has(squash(line)) || isOutletName(line) || isFurnitureLine(line);

  // Walk back over the trailing run of short lines, remembering the earliest heading in it.
  let firstHeading = -1;
  let i = lines.length - 1;
  for (; i >= from; i -= 1) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    if (TOPIC_HEADING.test(line) || TOPIC_INLINE.test(line) || OTHER_HEADING.test(line)) firstHeading = i;
    else if (!isListLike(line) && !isNoise(line)) break;
  }

  if (firstHeading < 0) {
    // No footer headings: only drop trailing repeats of the title or source, outlet names and furniture.
    let end = lines.length;
    while (end > from && (lines[end - 1]!.trim() === '' || isNoise(lines[end - 1]!.trim()))) end -= 1;
    return { end, topics: [] };
  }

  const topics: string[] = [];
  let inTopics = false;
  for (let j = firstHeading; j < lines.length; j += 1) {
    const line = lines[j]!.trim();
    if (line === '') continue;
    const inline = TOPIC_INLINE.exec(line);
    if (inline) {
      topics.push(...splitInline(inline[1]!).filter((t) => !isNoise(t)));
      inTopics = false;
    } else if (TOPIC_HEADING.test(line)) {
      inTopics = true;
    } else if (OTHER_HEADING.test(line)) {
      inTopics = false;
    } else if (inTopics && !isNoise(line)) {
      topics.push(line);
    }
  }
  return { end: firstHeading, topics };
}
