/** RSS 2.0, RSS 1.0 (RDF) and Atom feeds: every item or entry becomes one article. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { htmlToParagraphs, looksLikeHtml } from './html-to-text.js';
import { joinParagraphs, splitParagraphs } from './paragraphs.js';
import type { ArticleDraft, FormatResult } from './types.js';

type Node = Record<string, unknown>;

// Elements that repeat: always arrays, so one item and many items read the same way.
const REPEATED = new Set(['item', 'entry', 'link', 'category', 'dc:subject']);

// Content elements are kept raw: parsed, markup inside them (Atom xhtml, unescaped HTML) would lose its text order.
const CONTENT = ['content', 'summary', 'description', 'content:encoded'];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false, // a title "1984" stays a string
  isArray: (name) => REPEATED.has(name),
  stopNodes: CONTENT.map((name) => `*.${name}`),
});
// Decodes the raw text of a content element: entities and CDATA sections, whitespace kept.
const textDecoder = new XMLParser({ parseTagValue: false, trimValues: false });

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text of a simple element: a string, a number or `{ '#text': ... }`. */
function textOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (isNode(value)) return textOf(value['#text']);
  return undefined;
}

function unwrapCdata(raw: string): string {
  return raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/gu, '$1');
}

/** The paragraphs of a content element, honouring Atom's `type` (text, html, xhtml). */
function contentParagraphs(value: unknown): string[] {
  const node = Array.isArray(value) ? value[0] : value;
  const raw = textOf(node);
  if (!raw) return [];
  const type = isNode(node) ? node['@_type'] : undefined;
  // Elements written straight into the feed (xhtml, or HTML left unescaped) are markup already.
  if (type === 'xhtml' || /<[a-z]/iu.test(raw.replace(/<!\[CDATA\[[\s\S]*?\]\]>/gu, ''))) {
    return htmlToParagraphs(unwrapCdata(raw));
  }
  const decoded = String((textDecoder.parse(`<x>${raw}</x>`) as { x?: unknown }).x ?? '');
  return type === 'text' || !looksLikeHtml(decoded) ? splitParagraphs(decoded) : htmlToParagraphs(decoded);
}

function atomLink(links: unknown): string | undefined {
  const list = (Array.isArray(links) ? links : [links]).filter(isNode);
  const alternate = list.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? list[0];
  return typeof alternate?.['@_href'] === 'string' ? alternate['@_href'] : undefined;
}

function categories(values: unknown): string[] {
  const list = Array.isArray(values) ? values : values === undefined ? [] : [values];
  return list
    .map((c) => (isNode(c) ? textOf(c['@_label']) ?? textOf(c['@_term']) ?? textOf(c) : textOf(c)))
    .filter((c): c is string => !!c);
}

function rssItem(item: Node, channelTitle?: string): ArticleDraft {
  const guid = item.guid;
  const guidIsLink = isNode(guid) ? guid['@_isPermaLink'] !== 'false' : true;
  const guidText = textOf(guid);
  const link = textOf(item.link) ?? (guidIsLink && guidText && /^https?:\/\//u.test(guidText) ? guidText : undefined);
  return {
    title: textOf(item.title),
    text: joinParagraphs(contentParagraphs(item['content:encoded'] ?? item.description)),
    url: link,
    published: textOf(item.pubDate) ?? textOf(item['dc:date']),
    source: textOf(item.source) ?? channelTitle,
    topics: [...categories(item.category), ...categories(item['dc:subject'])],
  };
}

function atomEntry(entry: Node, feedTitle?: string): ArticleDraft {
  const source = isNode(entry.source) ? textOf(entry.source.title) : undefined;
  return {
    title: contentParagraphs(entry.title).join(' ') || undefined,
    text: joinParagraphs(contentParagraphs(entry.content ?? entry.summary)),
    url: atomLink(entry.link),
    published: textOf(entry.published) ?? textOf(entry.updated),
    source: source ?? feedTitle,
    topics: categories(entry.category),
  };
}

/** Whether a text is an RSS or Atom document (for `.xml` files and unnamed input). */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 2048).replace(/<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/giu, '').trimStart();
  return /^<(?:rss|feed|rdf:RDF)\b/u.test(head);
}

/** Reads a feed; an item without text is a problem naming its position, the others still read. */
export function readFeed(xml: string): FormatResult {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return { drafts: [], problems: [{ line: valid.err.line, message: `malformed XML: ${valid.err.msg}` }] };
  }
  const doc = parser.parse(xml) as Node;
  let drafts: ArticleDraft[];
  let kind: string;
  if (isNode(doc.rss) && isNode(doc.rss.channel)) {
    const channel = doc.rss.channel;
    drafts = ((channel.item as Node[] | undefined) ?? []).map((i) => rssItem(i, textOf(channel.title)));
    kind = 'item';
  } else if (isNode(doc['rdf:RDF'])) {
    const rdf = doc['rdf:RDF'];
    const channelTitle = isNode(rdf.channel) ? textOf(rdf.channel.title) : undefined;
    drafts = ((rdf.item as Node[] | undefined) ?? []).map((i) => rssItem(i, channelTitle));
    kind = 'item';
  } else if (isNode(doc.feed)) {
    const feed = doc.feed;
    drafts = ((feed.entry as Node[] | undefined) ?? []).map((e) => atomEntry(e, contentParagraphs(feed.title).join(' ') || undefined));
    kind = 'entry';
  } else {
    return { drafts: [], problems: [{ message: 'is XML but neither an RSS nor an Atom feed' }] };
  }
  const result: FormatResult = { drafts: [], problems: [] };
  drafts.forEach((draft, i) => {
    if (draft.text === '') result.problems.push({ message: `${kind} ${i + 1}${draft.title ? ` ("${draft.title}")` : ''} has no text` });
    else result.drafts.push({ ...draft, record: i + 1 });
  });
  return result;
}
