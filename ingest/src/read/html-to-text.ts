/** HTML (a fragment or a DOM node) to prose paragraphs: blocks become paragraphs, markup and media go. */
import { parseHTML } from './parse-html.js';
import { cleanParagraph } from './paragraphs.js';

// Elements whose start and end break the text into paragraphs.
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL',
]);
// Elements with no story text: code, media, forms, and captions (which carry image credits).
const SKIPPED = new Set([
  'AUDIO', 'BUTTON', 'CANVAS', 'FIGCAPTION', 'FORM', 'IFRAME', 'IMG', 'INPUT', 'NOSCRIPT', 'OBJECT', 'PICTURE',
  'SCRIPT', 'SELECT', 'STYLE', 'SVG', 'TEMPLATE', 'TEXTAREA', 'VIDEO', 'HEAD', 'TITLE', 'META', 'LINK',
]);
// Table cells sit side by side: a space between them, not a paragraph break.
const CELLS = new Set(['TD', 'TH']);

interface NodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<NodeLike>;
}

export interface ParagraphOptions {
  /**
   * Keep line breaks inside a paragraph (`<br>` and newlines in the text) as `\n`, so that line-based
   * readers still see a date line under a byline. Used for Markdown, whose soft breaks end lines.
   */
  keepLines?: boolean;
}

function cleanLines(text: string): string {
  return text.split('\n').map(cleanParagraph).filter((l) => l !== '').join('\n');
}

/** The text of `root` as paragraphs, in document order. */
export function nodeToParagraphs(root: NodeLike, options: ParagraphOptions = {}): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const p = options.keepLines ? cleanLines(current) : cleanParagraph(current);
    if (p !== '') paragraphs.push(p);
    current = '';
  };
  const walk = (node: NodeLike): void => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) return;
    if (name === 'BR' && options.keepLines) {
      current += '\n';
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    if (CELLS.has(name)) current += ' ';
    // Read once: linkedom builds `childNodes` afresh on every access, so indexing it in the loop is quadratic.
    const children = Array.from(node.childNodes);
    for (const child of children) walk(child);
    if (block) flush();
    else if (CELLS.has(name)) current += ' ';
  };
  walk(root);
  flush();
  return paragraphs;
}

/**
 * Paragraphs of an HTML fragment; entities are decoded by the parser.
 * @example htmlToParagraphs('<p>One &amp; two</p><p>Three</p>') // ['One & two', 'Three']
 */
export function htmlToParagraphs(html: string, options: ParagraphOptions = {}): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return nodeToParagraphs(document.body as unknown as NodeLike, options);
}

/** Whether a string carries HTML markup worth parsing rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?(?:p|div|br|span|a|em|strong|b|i|h[1-6]|ul|ol|li|blockquote|img|figure|section|article|table)\b[^>]*>/iu.test(text);
}
