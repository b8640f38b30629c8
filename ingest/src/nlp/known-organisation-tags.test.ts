// The shipped organisations tagged where the tagger missed them or read them as something else.
import { describe, expect, it } from 'vitest';
import { tagKnownOrganisations } from './known-organisation-tags.js';
import { tokenize } from './tokenize.js';

/** Tags after the repair, for words given with the tagger's tags ("Liberal/O Democrats/B-MISC"). */
function repaired(tagged: string): string {
  const pairs = tagged.split(' ').map((w) => w.split('/') as [string, string]);
  const tokens = tokenize(pairs.map(([word]) => word).join(' '));
  const tags = pairs.map(([, tag]) => tag);
  tagKnownOrganisations(tokens, tags);
  return tokens.map((t, i) => `${t.text}/${tags[i]}`).join(' ');
}

describe('tagKnownOrganisations', () => {
  it('tags a known name the tagger left untagged', () => {
    expect(repaired('The/O White/O House/O declined/O')).toBe('The/O White/B-ORG House/I-ORG declined/O');
  });

  it('tags the whole name when the tagger read its last word as a group of people', () => {
    // In a whole article the tagger read "Liberal Democrats" as "Democrats", and the US Democratic Party took it.
    expect(repaired('the/O Liberal/O Democrats/B-MISC backed/O')).toBe('the/O Liberal/B-ORG Democrats/I-ORG backed/O');
  });

  it('grows a one-word known name back over the capitalised words the tagger left out before it', () => {
    // "Commons" alone is the House of Commons, "Democrats" the US party: neither is meant here.
    expect(repaired('under/O a/O Creative/O Commons/B-PER licence/O')).toBe('under/O a/O Creative/B-ORG Commons/I-ORG licence/O');
    expect(repaired('where/O Free/O Democrats/B-ORG objected/O')).toBe('where/O Free/B-ORG Democrats/I-ORG objected/O');
    // Not over a sentence's first word, nor over a country that qualifies the party.
    expect(repaired('./O Yesterday/O Democrats/B-ORG said/O')).toBe('./O Yesterday/O Democrats/B-ORG said/O');
    expect(repaired('the/O US/O Democrats/B-ORG said/O')).toBe('the/O US/O Democrats/B-ORG said/O');
  });

  it('leaves a longer name around a known one alone', () => {
    expect(repaired('the/O Fed/O Cup/O final/O')).toBe('the/O Fed/O Cup/O final/O');
  });
});
