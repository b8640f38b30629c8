/** Web pages: the article's main text by Readability over a linkedom DOM, without the page chrome. */
import { Readability } from '@mozilla/readability';
import { parseHTML } from './parse-html.js';
import { isBylineLine, isFurnitureLine, squash } from './boilerplate.js';
import { findLeadingDate } from './dates.js';
import { readHtmlMeta, type DocLike } from './html-meta.js';
import { htmlToParagraphs, nodeToParagraphs } from './html-to-text.js';
import { joinParagraphs } from './paragraphs.js';
import type { ArticleDraft } from './types.js';

// Page chrome: Readability keeps it on short pages, and the fallback reading must not see it either.
const CHROME = 'nav, footer, aside, form, script, style, noscript, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"]';

interface Removable {
  remove(): void;
  closest(selector: string): unknown;
}
interface Queryable {
  querySelectorAll(selector: string): Iterable<Removable>;
}

/** Removes navigation, footers, asides and the page header (an article's own header holds its headline). */
function removeChrome(doc: Queryable): void {
  for (const el of [...doc.querySelectorAll(CHROME)]) el.remove();
  for (const el of [...doc.querySelectorAll('header')]) if (!el.closest('article')) el.remove();
}

/** "Leaders Meet | The Site" → "Leaders Meet" when the suffix is the site's name. */
function withoutSiteSuffix(title: string, site?: string): string {
  const parts = title.split(/\s+[|–—·-]\s+/u);
  if (parts.length > 1 && site && squash(parts[parts.length - 1]!) === squash(site)) return parts.slice(0, -1).join(' - ');
  return title;
}

/**
 * Deepest element nesting read. News pages nest a few dozen deep; Readability's cost grows with the cube of the
 * depth (250: half a second, 1,000: six, 2,000: forty), so a crafted page of 100,000 nested divs would stall a
 * run for minutes before overflowing the stack.
 */
export const MAX_ELEMENT_DEPTH = 256;

interface ElementLike {
  firstElementChild: ElementLike | null;
  nextElementSibling: ElementLike | null;
}

/** Whether any element lies more than `max` levels below `root`, walked without recursion, stopping early. */
function nestsDeeperThan(root: ElementLike | null, max: number): boolean {
  const stack: Array<[ElementLike, number]> = root ? [[root, 1]] : [];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    if (depth > max) return true;
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1]);
  }
  return false;
}

/** Reads one HTML page as one article. */
export function readHtml(html: string): ArticleDraft {
  const { document } = parseHTML(html);
  if (nestsDeeperThan(document.documentElement as unknown as ElementLike, MAX_ELEMENT_DEPTH)) {
    throw new Error(`its elements nest more than ${MAX_ELEMENT_DEPTH} deep, which no article page does`);
  }
  const meta = readHtmlMeta(document as unknown as DocLike);
  const pageTitle = document.querySelector('title')?.textContent?.trim();

  // Readability mutates the DOM it reads, so it gets its own copy.
  const copy = parseHTML(html).document;
  removeChrome(copy as unknown as Queryable);
  const parsed = new Readability(copy as unknown as Document).parse();
  let paragraphs = parsed?.content ? htmlToParagraphs(parsed.content) : [];
  if (paragraphs.length === 0) {
    removeChrome(document as unknown as Queryable);
    paragraphs = nodeToParagraphs(document.body as never);
  }

  const source = meta.source ?? parsed?.siteName?.trim() ?? undefined;
  const title = meta.title ?? (parsed?.title ? withoutSiteSuffix(parsed.title, source) : undefined) ?? pageTitle;
  // Readability sometimes keeps the headline, byline and dateline as the first blocks; they are not prose.
  const byline = parsed?.byline ? squash(parsed.byline) : undefined;
  const isDateOnly = (p: string): boolean => findLeadingDate(p)?.rest.trim() === '';
  const prose = paragraphs.filter(
    (p, i) =>
      !isFurnitureLine(p) &&
      !(i < 4 && (squash(p) === squash(title ?? '') || squash(p) === byline || isBylineLine(p) || isDateOnly(p))),
  );

  return {
    title: title ? withoutSiteSuffix(title, source) : undefined,
    text: joinParagraphs(prose),
    source,
    url: meta.url,
    published: meta.published ?? parsed?.publishedTime ?? undefined,
    topics: meta.topics,
  };
}
