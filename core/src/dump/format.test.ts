import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { decodeProps, encodeProps, headerLine, parseLine, runTimeNames, stringifyLine, UnsupportedValueError } from './format.js';

const T = {
  s: 'STRING NOT NULL',
  b: 'BOOLEAN NOT NULL',
  f: 'FLOAT NOT NULL',
  i: 'INTEGER NOT NULL',
  ls: 'LIST<STRING NOT NULL> NOT NULL',
  lf: 'LIST<FLOAT NOT NULL> NOT NULL',
  li: 'LIST<INTEGER NOT NULL> NOT NULL',
  empty: 'LIST<NOTHING> NOT NULL',
};

describe('encodeProps', () => {
  it('sorts keys, keeps list order, and lists the integers so they come back as integers', () => {
    const { props, ints } = encodeProps(
      { weight: 2, id: 'country:KP', articleCount: 3, starts: [40, 2], aliases: ['Pyongyang', 'DPRK'], hidden: false, tags: [] },
      { weight: T.f, id: T.s, articleCount: T.i, starts: T.li, aliases: T.ls, hidden: T.b, tags: T.empty },
      'Entity "country:KP"',
    );
    expect(Object.keys(props)).toEqual(['aliases', 'articleCount', 'hidden', 'id', 'starts', 'tags', 'weight']);
    expect(props.starts).toEqual([40, 2]);
    expect(props.aliases).toEqual(['Pyongyang', 'DPRK']);
    expect(ints).toEqual(['articleCount', 'starts']);
    // A float that happens to be whole stays a float: not listed.
    expect(ints).not.toContain('weight');
  });

  it('writes an integer beyond 2^53 as digits when the driver kept it whole, and refuses one already rounded', () => {
    const big = neo4j.int('9007199254740993');
    expect(encodeProps({ n: big, m: neo4j.int(7) }, { n: T.i, m: T.i }, 'x')).toEqual({ props: { m: 7, n: '9007199254740993' }, ints: ['m', 'n'] });
    expect(() => encodeProps({ n: 2 ** 53 + 2 }, { n: T.i }, 'Entity "a"')).toThrow(/Entity "a", property "n": an integer beyond 2\^53/);
  });

  it('refuses what JSON or the dump cannot carry exactly, naming the node and property', () => {
    expect(() => encodeProps({ at: {} }, { at: 'ZONED DATETIME NOT NULL' }, 'Article "a1"')).toThrow(UnsupportedValueError);
    expect(() => encodeProps({ at: {} }, { at: 'ZONED DATETIME NOT NULL' }, 'Article "a1"')).toThrow(/Article "a1", property "at": type ZONED DATETIME/);
    expect(() => encodeProps({ w: NaN }, { w: T.f }, 'x')).toThrow(/NaN or infinite/);
    expect(() => encodeProps({ w: [1, Infinity] }, { w: T.lf }, 'x')).toThrow(/NaN or infinite/);
  });
});

describe('decodeProps', () => {
  it('turns the listed integers back into driver Integers, digits included, and leaves floats as numbers', () => {
    const props = decodeProps({ a: 3, b: [1, 2], c: '9007199254740993', w: 2 }, ['a', 'b', 'c']);
    expect(neo4j.isInt(props.a)).toBe(true);
    expect((props.b as unknown[]).every((v) => neo4j.isInt(v))).toBe(true);
    expect(String(props.c)).toBe('9007199254740993');
    expect(props.w).toBe(2);
  });

  it('round-trips through encodeProps', () => {
    const types = { n: T.i, w: T.f, l: T.li };
    const once = encodeProps({ n: 5, w: 0.1, l: [3, 1] }, types, 'x');
    const again = encodeProps(decodeProps(once.props, once.ints) as Record<string, unknown>, types, 'x');
    expect(again).toEqual(once);
  });
});

describe('stringifyLine', () => {
  it('writes fields in a fixed order and leaves out empty optional ones', () => {
    expect(stringifyLine({ props: { id: 'a' }, node: 'Article', labels: [], ints: [] })).toBe('{"node":"Article","props":{"id":"a"}}');
    expect(stringifyLine({ to: ['Entity', 'b'], rel: 'NAMES', from: ['Sentence', 'a#0'], props: {} })).toBe(
      '{"rel":"NAMES","from":["Sentence","a#0"],"to":["Entity","b"]}',
    );
    expect(stringifyLine(headerLine(3))).toBe('{"actorgraph":"graph dump","format":1,"graphVersion":3}');
  });

  it('lists in the header of a dump for comparing the run times it left out', () => {
    const header = stringifyLine(headerLine(3, runTimeNames()));
    expect(header).toBe('{"actorgraph":"graph dump","format":1,"graphVersion":3,"omitted":["Article.ingestedAt","SourceFile.storedAt"]}');
    expect(parseLine(header)).toEqual(headerLine(3, runTimeNames()));
    expect(() => parseLine('{"actorgraph":"graph dump","format":1,"graphVersion":3,"omitted":"all"}')).toThrow(/"omitted" must be a list/);
  });
});

describe('parseLine', () => {
  it('accepts what stringifyLine writes', () => {
    const node = { node: 'Entity', labels: ['Person'], props: { id: 'person:x', version: 2 }, ints: ['version'] };
    expect(parseLine(stringifyLine(node))).toEqual(node);
    const rel = { rel: 'LINKED', from: ['Entity', 'a'] as [string, string], to: ['Entity', 'b'] as [string, string], props: { weight: 1.5 } };
    expect(parseLine(stringifyLine(rel))).toEqual(rel);
    expect(parseLine('{"end":{"nodes":1,"relationships":0}}')).toEqual({ end: { nodes: 1, relationships: 0 } });
  });

  it.each([
    ['', /empty line/],
    ['{"node":', /not JSON/],
    ['[1]', /not a JSON object/],
    ['{"what":1}', /neither a header/],
    ['{"node":"Widget","props":{"id":"w"}}', /"node" must be one of/],
    ['{"node":"Entity","props":{"name":"no id"}}', /needs its key "id"/],
    ['{"node":"Entity","props":{"id":"a","x":{"nested":true}}}', /property "x" must be/],
    ['{"node":"Entity","props":{"id":"a","x":[1,"two"]}}', /property "x" must be/],
    ['{"node":"Entity","props":{"id":"a","n":1.5},"ints":["n"]}', /"ints" names "n"/],
    ['{"node":"Entity","props":{"id":"a"},"ints":["gone"]}', /"ints" names "gone"/],
    ['{"rel":"LINKED","from":["Entity"],"to":["Entity","b"]}', /"from" must be \[label, key\]/],
    ['{"rel":"NO-SUCH TYPE","from":["Entity","a"],"to":["Entity","b"]}', /relationship type name/],
    ['{"end":{"nodes":"1"}}', /"end" must be/],
  ])('refuses %j', (text, message) => {
    expect(() => parseLine(text)).toThrow(message);
  });
});
