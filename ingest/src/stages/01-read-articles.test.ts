import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../read/content-hash.js';
import { formatFailure, readArticleBuffer, readArticleFile } from './01-read-articles.js';

const fixtures = fileURLToPath(new URL('../read/fixtures/', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

describe('readArticleFile: a scraped plain-text article', async () => {
  const { articles, failures } = await readArticleFile(join(fixtures, 'scraped-article.txt'));
  const [article] = articles;

  it('reads one article with its metadata', () => {
    expect(failures).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(article).toMatchObject({
      title: 'Island Nations Sign Pact To Protect Shared Reef',
      published: '2024-10-04',
      source: 'Tidewater Herald',
      topics: ['Coral Reefs', 'Marine Conservation', 'Illegal Fishing', 'Pacific Islands'],
    });
  });

  it('keeps only the prose, hashed into the id', () => {
    expect(article!.text.startsWith('Leaders of three small island states')).toBe(true);
    expect(article!.text.endsWith('asked for a grant.')).toBe(true);
    for (const furniture of ['Cover Image', 'Editor', 'Sources:', 'Related Topics', 'Coral Reefs', 'Coastal Times', 'October 4']) {
      expect(article!.text).not.toContain(furniture);
    }
    expect(article!.contentHash).toBe(contentHash(article!.text, article!.title));
    expect(article!.id).toBe(`sha256:${article!.contentHash}`);
  });
});

describe('readArticleFile: JSONL with bad lines', async () => {
  const { articles, failures } = await readArticleFile(join(fixtures, 'records.jsonl'));

  it('reads the good records and uses the URL as id', () => {
    expect(articles.map((a) => [a.id, a.title, a.published, a.source])).toEqual([
      ['https://wire.example/grain', 'Grain Convoy Reaches Port', '2024-02-12', 'Plains Wire'],
      [`sha256:${contentHash(articles[1]!.text, articles[1]!.title)}`, 'Bridge Tender Awarded', '2024-02-12T09:30:00.000Z', 'Plains Wire'],
    ]);
    expect(articles[1]!.text).toBe('The ministry awarded the bridge contract to a local builder.\n\nWork starts in May.');
  });

  it('names the malformed and the text-less line', () => {
    expect(failures.map((f) => [f.line, f.message.split(' ').slice(0, 3).join(' ')])).toEqual([
      [2, 'malformed JSON: Unterminated'],
      [5, 'record has no'],
    ]);
    expect(formatFailure(failures[0]!)).toMatch(/records\.jsonl:2: malformed JSON/);
  });
});

describe('readArticleFile: every format in the fixtures', () => {
  const cases: Array<[string, number, number]> = [
    ['page-with-chrome.html', 1, 0],
    ['feed.rss', 2, 1],
    ['feed.atom', 3, 0],
  ];
  it.each(cases)('%s -> %i articles, %i failures', async (name, articles, failures) => {
    const outcome = await readArticleFile(join(fixtures, name));
    expect(outcome.articles).toHaveLength(articles);
    expect(outcome.failures).toHaveLength(failures);
  });
});

describe('readArticleFile: bad input never throws', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'actorgraph-read-'));
    await writeFile(join(dir, 'empty.txt'), '');
    await writeFile(join(dir, 'blank.md'), '  \n\n ');
    await writeFile(join(dir, 'junk.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    await writeFile(join(dir, 'latin1.txt'), Buffer.from('Title\n\nBogot\xe1 hosted the talks.', 'latin1'));
    await writeFile(join(dir, 'big.txt'), 'x'.repeat(2048));
    await writeFile(join(dir, 'slides.pptx'), 'not really');
    await writeFile(join(dir, 'empty.json'), '[]');
    await writeFile(join(dir, 'title-only.txt'), 'Just A Title\n');
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  const cases: Array<[string, RegExp, { maxBytes?: number }?]> = [
    ['empty.txt', /is empty/],
    ['blank.md', /is empty/],
    ['junk.txt', /binary/],
    ['latin1.txt', /not valid UTF-8/],
    ['big.txt', /2048 bytes, over the 1024 bytes limit/, { maxBytes: 1024 }],
    ['slides.pptx', /unsupported file type "\.pptx"/],
    ['empty.json', /contains no articles/],
    ['title-only.txt', /no article text/],
    ['missing.txt', /does not exist/],
    ['.', /is a folder/],
  ];
  it.each(cases)('%s', async (name, message, options) => {
    const outcome = await readArticleFile(join(dir, name), options);
    expect(outcome.articles).toEqual([]);
    expect(outcome.failures).toHaveLength(1);
    expect(outcome.failures[0]!.path).toBe(join(dir, name));
    expect(outcome.failures[0]!.message).toMatch(message);
  });
});

describe('readArticleBuffer', () => {
  it('sniffs the format of stdin and decodes a UTF-16 BOM', () => {
    const text = 'Talks Resume\n\nMarch 3, 2022\nLake Post\n\nDelegates returned to the table on Thursday.';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(readArticleBuffer('-', bytes).articles[0]).toMatchObject({
      title: 'Talks Resume',
      published: '2022-03-03',
      source: 'Lake Post',
      text: 'Delegates returned to the table on Thursday.',
    });
  });

  it('fills gaps from defaults without overriding what the document says', () => {
    const options = { defaultSource: 'Desk Import', defaultPublished: '1 May 2020' };
    const [bare] = readArticleBuffer('note.txt', Buffer.from('Short Note\n\nThe port reopened.'), options).articles;
    expect(bare).toMatchObject({ source: 'Desk Import', published: '2020-05-01' });
    const [dated] = readArticleBuffer('n.txt', Buffer.from('Short Note\n2021-06-07\n\nThe port reopened.'), options).articles;
    expect(dated!.published).toBe('2021-06-07');
  });

  it('gives the same id to the same title and text under different whitespace', () => {
    const a = readArticleBuffer('a.txt', Buffer.from('Port news\n\nThe  port\nreopened.')).articles[0]!;
    const b = readArticleBuffer('b.json', Buffer.from('{"title": "Port  news", "text": "The port reopened."}')).articles[0]!;
    const c = readArticleBuffer('c.json', Buffer.from('{"title": "Harbour news", "text": "The port reopened."}')).articles[0]!;
    expect(a.id).toBe(b.id);
    expect(c.id).not.toBe(a.id);
  });
});

// The project's reference article lives outside the repository, in ../shared; its answer key gives the metadata.
const sharedSample = join(repoRoot, '../shared/samples/north-korea-rejects-peace-offer.txt');
const sharedGold = join(repoRoot, '../shared/eval/north-korea-rejects-peace-offer.gold.json');
const hasShared = existsSync(sharedSample) && existsSync(sharedGold);

describe.skipIf(!hasShared)('the shared sample article (skipped: ../shared/samples is not present)', () => {
  type Gold = { metadata: { title: string; published: string; source: string; topics: string[] } };
  let gold: Gold;
  let outcome: Awaited<ReturnType<typeof readArticleFile>>;
  // Loaded in a hook, not while collecting, so a missing ../shared only skips.
  beforeAll(async () => {
    gold = JSON.parse(await readFile(sharedGold, 'utf8')) as Gold;
    outcome = await readArticleFile(sharedSample);
  });

  it('yields exactly the answer key metadata', () => {
    expect(outcome.failures).toEqual([]);
    expect(outcome.articles).toHaveLength(1);
    const { title, published, source, topics } = outcome.articles[0]!;
    expect({ title, published, source, topics }).toEqual(gold.metadata);
  });

  it('keeps page furniture and the topic list out of the text', () => {
    const { text } = outcome.articles[0]!;
    for (const furniture of ['Cover Image', 'ClashReport Editor', 'Sources:', 'Related Topics', 'Kaesong Liaison Office', 'The New York Times']) {
      expect(text).not.toContain(furniture);
    }
    expect(text).toMatch(/^North Korea has dismissed/);
    expect(text).toMatch(/foreseeable future\.$/);
  });
});
