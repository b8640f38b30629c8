// The shipped short forms: each lands on the one organisation it names, and two groupings stay two.
import { describe, expect, it } from 'vitest';
import { knownOrganisation } from './known-organisations.js';

describe('knownOrganisation', () => {
  it.each([
    ['the Fed', 'Federal Reserve'],
    ['EU', 'European Union'],
    ['Tories', 'Conservative Party'],
    ['Lib Dems', 'Liberal Democrats'],
  ])('sends %s to %s', (form, canonical) => {
    expect(knownOrganisation(form)).toBe(canonical);
  });

  it('keeps the G7 and the G8 apart: the G8 added Russia, and the G7 went on meeting without it', () => {
    expect(knownOrganisation('G7')).toBe('Group of Seven');
    expect(knownOrganisation('G8')).toBe('Group of Eight');
  });

  it('knows nothing of a name it does not ship', () => {
    expect(knownOrganisation('Christian Democrats')).toBeUndefined();
  });
});
