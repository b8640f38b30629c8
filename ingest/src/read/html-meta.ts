/** Metadata of a web page: title, date, site, canonical URL and tags from meta tags, JSON-LD and <time>. */
import { httpUrl } from './http-url.js';

export interface HtmlMeta {
  title?: string;
  published?: string;
  source?: string;
  url?: string;
  topics: string[];
}

// Only what this module touches, so linkedom's and the DOM's documents both fit.
interface El {
  getAttribute(name: string): string | null;
  textContent: string | null;
}
export interface DocLike {
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
}

const ARTICLE_TYPES = /(?:^|\b)(?:NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|WebPage)$/u;

function metaContent(doc: DocLike, ...selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const value = doc.querySelector(selector)?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return undefined;
}

/** The JSON-LD objects describing the article (top level, arrays and `@graph`). */
function jsonLdArticles(doc: DocLike): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      const types = ([] as unknown[]).concat(obj['@type'] ?? []).map(String);
      if (types.some((t) => ARTICLE_TYPES.test(t))) found.push(obj);
      if (obj['@graph']) visit(obj['@graph']);
    }
  };
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i += 1) {
    try {
      visit(JSON.parse(scripts[i]!.textContent ?? ''));
    } catch {
      // Broken JSON-LD is common on real pages; the meta tags still count.
    }
  }
  return found;
}

function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') {
    return ((value as { name: string }).name).trim() || undefined;
  }
  return undefined;
}

/** Reads the page's metadata before Readability rewrites the DOM. */
export function readHtmlMeta(doc: DocLike): HtmlMeta {
  const ld = jsonLdArticles(doc);
  const fromLd = (key: string): unknown => ld.map((o) => o[key]).find((v) => v !== undefined && v !== null);

  const keywords = [
    ...Array.from(doc.querySelectorAll('meta[property="article:tag"]'), (m) => m.getAttribute('content') ?? ''),
    ...(metaContent(doc, 'meta[name="keywords"]', 'meta[name="news_keywords"]') ?? '').split(','),
    ...([] as unknown[]).concat(fromLd('keywords') ?? []).flatMap((k) => (typeof k === 'string' ? k.split(',') : [])),
  ];
  const time = doc.querySelector('article time[datetime]') ?? doc.querySelector('time[datetime]');

  return {
    title:
      metaContent(doc, 'meta[property="og:title"]', 'meta[name="twitter:title"]') ??
      nameOf(fromLd('headline')) ??
      (doc.querySelector('h1')?.textContent?.trim() || undefined),
    published:
      metaContent(
        doc,
        'meta[property="article:published_time"]',
        'meta[name="article:published_time"]',
        'meta[itemprop="datePublished"]',
        'meta[name="pubdate"]',
        'meta[name="publishdate"]',
        'meta[name="date"]',
        'meta[name="dc.date"]',
        'meta[name="DC.date.issued"]',
        'meta[name="citation_publication_date"]',
      ) ??
      nameOf(fromLd('datePublished')) ??
      (time?.getAttribute('datetime')?.trim() || undefined),
    source: metaContent(doc, 'meta[property="og:site_name"]', 'meta[name="application-name"]') ?? nameOf(fromLd('publisher')),
    url:
      httpUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
      httpUrl(metaContent(doc, 'meta[property="og:url"]')) ??
      httpUrl(nameOf(fromLd('url'))),
    topics: [...new Set(keywords.map((k) => k.trim()).filter((k) => k !== ''))],
  };
}
