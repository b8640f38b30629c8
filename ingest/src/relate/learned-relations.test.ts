// The shipped relation classifier on sentences the rules do not read: what it adds, with what confidence,
// and what it must leave alone.
import { describe, expect, it } from 'vitest';
import type { EntityType } from '../../../core/src/model.js';
import { learnedRelations } from './learned-relations.js';
import { relationModel } from './relation-model.js';
import type { Slot } from './sentence-slots.js';

/** Slots for the named strings, as stage 4 builds them from resolved entities. */
function read(text: string, names: Array<[string, EntityType]>) {
  const slots: Slot[] = names.map(([name, type]) => {
    const start = text.indexOf(name);
    if (start < 0) throw new Error(`"${name}" is not in the text`);
    return { start, end: start + name.length, type, id: name };
  });
  slots.sort((a, b) => a.start - b.start);
  return learnedRelations(text, { start: 0, end: text.length }, slots, () => false);
}

describe('learned relations', () => {
  it('ships a model for both kinds', () => {
    const model = relationModel();
    expect(model?.kinds.WORKS_FOR.threshold).toBeGreaterThan(0.5);
    expect(model?.kinds.BASED_IN.threshold).toBeGreaterThan(0.5);
  });

  it.each([
    ['Acme home affairs spokesman Jo Bloggs has branded the scheme a waste of money.', 'Acme'],
    ['"Costs must fall," said Jo Bloggs, an analyst with Acme Bank.', 'Acme Bank'],
    ['Jo Bloggs resigned as Fjord Party leader on Monday.', 'Fjord Party'],
  ])('reads who works for whom in: %s', (text, organisation) => {
    const [relation, ...more] = read(text, [['Jo Bloggs', 'Person'], [organisation, 'Organization']]);
    expect(more).toEqual([]);
    expect(relation).toMatchObject({ type: 'WORKS_FOR', source: 'Jo Bloggs', target: organisation, evidence: { start: 0 } });
    expect(relation!.confidence).toBeGreaterThanOrEqual(relationModel()!.kinds.WORKS_FOR.threshold);
    expect(relation!.confidence).toBeLessThanOrEqual(1);
  });

  it.each([
    ['"Costs must fall," said Jo Bloggs, who was appointed chief executive of Acme Bank in May.', 'LEADS'],
    ['Acme Bank chairman Jo Bloggs resigned on Monday.', 'LEADS'],
    ['"Costs must fall," said Jo Bloggs, deputy chief executive of Acme Bank.', 'WORKS_FOR'],
    ['The plan was drawn up by former Acme Bank chief executive Jo Bloggs last year.', 'WORKS_FOR'],
    ['The cash came from Acme Bank, announced by chairman Jo Bloggs on Monday.', 'WORKS_FOR'],
  ])('says who runs the organisation rather than works there in: %s', (text, type) => {
    expect(read(text, [['Jo Bloggs', 'Person'], ['Acme Bank', 'Organization']]).map((r) => r.type)).toEqual([type]);
  });

  it.each([
    // Talking to a newspaper is not working for it.
    ['Jo Bloggs told the Acme Gazette that the scheme was flawed.', [['Jo Bloggs', 'Person'], ['Acme Gazette', 'Organization']]],
    // A bare "at the" names a place or an event.
    ['Jo Bloggs at the Fjord Open was a surprise.', [['Jo Bloggs', 'Person'], ['Fjord Open', 'Organization']]],
    // The two sides of a fixture, one of them mistyped a person, are opponents.
    ['Jo Bloggs v Fjord Rovers', [['Jo Bloggs', 'Person'], ['Fjord Rovers', 'Organization']]],
    // The person nearer the organisation is the one the words describe.
    ['Jo Bloggs beat Pia Lund of the Fjord Club.', [['Jo Bloggs', 'Person'], ['Pia Lund', 'Person'], ['Fjord Club', 'Organization']]],
    // Items of a list, as in a team's line-up or a list of winners.
    ['Fjord: P Lund; Jo Bloggs; G Fjordline, S Moe.', [['Jo Bloggs', 'Person'], ['Fjordline', 'Organization']]],
    ['Jo Bloggs, Fjord Rovers and the Acme Band took two awards each.', [['Jo Bloggs', 'Person'], ['Fjord Rovers', 'Organization']]],
    // The organisation's title belongs to the person after it.
    ['Jo Bloggs will join Fjordline’s chief executive Pia Lund on the show.', [['Jo Bloggs', 'Person'], ['Fjordline', 'Organization'], ['Pia Lund', 'Person']]],
    // A shadow minister speaks for the opposition.
    ['Shadow Fjord Treasury chief secretary Jo Bloggs said the figures were wrong.', [['Fjord Treasury', 'Organization'], ['Jo Bloggs', 'Person']]],
  ] as Array<[string, Array<[string, EntityType]>]>)('adds nothing wrong in: %s', (text, names) => {
    expect(read(text, names).filter((r) => r.source === 'Jo Bloggs')).toEqual([]);
  });

  it('leaves alone a pair the rules already relate', () => {
    const text = 'Acme home affairs spokesman Jo Bloggs has branded the scheme a waste of money.';
    const slots: Slot[] = [
      { start: 0, end: 4, type: 'Organization', id: 'acme' },
      { start: 28, end: 37, type: 'Person', id: 'jo' },
    ];
    expect(learnedRelations(text, { start: 0, end: text.length }, slots, (a, b) => a === 'jo' && b === 'acme')).toEqual([]);
  });
});
