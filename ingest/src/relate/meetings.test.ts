// Who met whom: the sentence shapes news uses for a meeting, the ones that only look like one, and every
// summit and meeting the project's own samples describe.
import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../pipeline.js';
import { readArticleFile, SUPPORTED_EXTENSIONS } from '../stages/01-read-articles.js';

/** "A ~ B" for every MET_WITH the extraction finds, by name. */
function meetings(text: string): string[] {
  const { entities, relations } = extractArticle({ id: 't', title: '', text });
  const name = new Map(entities.map((e) => [e.id, e.name]));
  return relations.filter((r) => r.type === 'MET_WITH').map((r) => `${name.get(r.source)} ~ ${name.get(r.target)}`);
}

describe('meetings', () => {
  it.each([
    ['Swedish Prime Minister Ola Berg and Norwegian leader Pia Lund met on Tuesday in Oslo.', 'Ola Berg ~ Pia Lund'],
    ['Danish President Ola Berg, who had met Pia Lund at the border in April, hailed the deal.', 'Ola Berg ~ Pia Lund'],
    ['Ola Berg flew into Oslo on Sunday and held talks with officials including Foreign Minister Pia Lund.', 'Ola Berg ~ Pia Lund'],
    ['Ola Berg agreed to send the bill to parliament, after talks with Danish Prime Minister Pia Lund.', 'Ola Berg ~ Pia Lund'],
    ['Ola Berg stepped over the line that divides the village to shake hands with Danish President Pia Lund.', 'Ola Berg ~ Pia Lund'],
    ['At a joint news conference with Ola Berg on Monday, Danish President Pia Lund said the talks went well.', 'Ola Berg ~ Pia Lund'],
    ['Ola Berg discussed a future trade deal with Pia Lund over breakfast.', 'Ola Berg ~ Pia Lund'],
  ])('finds the meeting in: %s', (text, expected) => {
    expect(meetings(text)).toEqual([expected]);
  });

  it.each([
    'Ola Berg said he would be willing to meet Danish President Pia Lund if the time were right.',
    'Ola Berg has refused to hold talks with Pia Lund.',
    'Ola Berg met Pia Lund’s cross at the near post and scored.',
    'Ola Berg will meet Pia Lund in Saturday’s final.',
    'Ola Berg praised the reforms, and Pia Lund met reporters later.',
  ])('finds none in: %s', (text) => {
    expect(meetings(text)).toEqual([]);
  });
});

describe('meetings in the project samples', () => {
  const samplesDir = fileURLToPath(new URL('../../../samples/', import.meta.url));
  const files = readdirSync(samplesDir).filter((f) => f !== 'README.md' && SUPPORTED_EXTENSIONS.includes(extname(f)));

  it('finds every summit and meeting they describe, and no other', async () => {
    const found: string[] = [];
    for (const file of files) {
      for (const article of (await readArticleFile(join(samplesDir, file))).articles) {
        found.push(...meetings(article.text).map((m) => `${file}: ${m}`));
      }
    }
    expect(found.sort()).toEqual([
      'g7-biarritz-2019.txt: Boris Johnson ~ Donald Trump', // discussed a trade deal with Trump over breakfast
      'g7-biarritz-2019.txt: Emmanuel Macron ~ Donald Trump', // a joint news conference with Macron
      'g7-biarritz-2019.txt: Mohammad Javad Zarif ~ Jean-Yves Le Drian', // held talks with ... Le Drian
      'nato-enlargement-2023.jsonl: Recep Tayyip Erdoğan ~ Ulf Kristersson', // after talks with ... Kristersson
      'panmunjom-summit-2018.txt: Kim Jong-un ~ Moon Jae-in', // to shake hands with ... Moon Jae-in
      'singapore-summit-2018.txt: Donald Trump ~ Kim Jong-un', // Trump and ... Kim Jong-un met
      'singapore-summit-2018.txt: Moon Jae-in ~ Kim Jong-un', // Moon, who had met Kim at Panmunjom
    ]);
  });
});
