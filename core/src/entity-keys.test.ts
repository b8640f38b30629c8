import { describe, expect, it } from 'vitest';
import { aliasKey, entityId, slug, surfaceKey } from './entity-keys.js';

describe('surfaceKey', () => {
  it.each([
    ['Kim Jong-un', 'Kim Jong Un'],
    ['Kim Jong-un', 'KIM JONG UN'],
    ['U.S.', 'US'],
    ['Seoul’s', 'Seoul'],
    ['Asia–Pacific', 'Asia-Pacific'],
    ['Élysée', 'Elysee'],
  ])('treats %s and %s as one spelling', (a, b) => {
    expect(surfaceKey(a)).toBe(surfaceKey(b));
  });

  it.each([
    ['Kim Jong-un', 'Kim Yo-jong'],
    ['Niger', 'Nigeria'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(surfaceKey(a)).not.toBe(surfaceKey(b));
  });
});

describe('entityId', () => {
  it('keys countries by ISO code and others by slug', () => {
    expect(entityId('Country', 'North Korea', 'kp')).toBe('country:KP');
    expect(entityId('Person', 'Kim Jong-un')).toBe('person:kim-jong-un');
    expect(entityId('Organization', 'AT&T')).toBe('org:at-and-t');
    expect(slug('  Lee   Jae  Myung ')).toBe('lee-jae-myung');
  });

  it('keeps the type in alias keys', () => {
    expect(aliasKey('Person', 'Jordan')).not.toBe(aliasKey('Country', 'Jordan'));
  });
});
