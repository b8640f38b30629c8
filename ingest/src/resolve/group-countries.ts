/** Countries within one article: every name, abbreviation, demonym and capital of one ISO code is one node. */
import type { Mention } from '../../../core/src/model.js';
import { cachedKey as surfaceKey } from './cached-key.js';
import type { EntityGroup } from './entity-group.js';

export function groupCountries(mentions: Mention[]): EntityGroup[] {
  const byKey = new Map<string, EntityGroup>();
  for (const mention of mentions) {
    // Without a code (a gazetteer miss), fall back to the spelling.
    const key = mention.iso2 ? mention.iso2.toUpperCase() : surfaceKey(mention.canonical ?? mention.text);
    let group = byKey.get(key);
    if (!group) {
      group = { type: 'Country', name: mention.canonical ?? mention.text, spellings: [], mentions: [] };
      if (mention.iso2) group.iso2 = mention.iso2.toUpperCase();
      byKey.set(key, group);
    }
    // The gazetteer's name wins over a spelling met first ("Pyongyang" before "North Korea").
    if (mention.canonical && group.name !== mention.canonical && (!group.mentions.some((m) => m.canonical) || mention.via === 'name')) {
      group.name = mention.canonical;
    }
    group.mentions.push(mention);
    // A possessive is no spelling of its own ("Seoul’s" is Seoul), whatever the span holds.
    group.spellings.push(mention.text.trim().replace(/[’']s$/u, ''));
  }
  return [...byKey.values()];
}
