import { describe, expect, it } from 'vitest';
import { decodeText } from './decode.js';

const utf16 = (s: string, bigEndian: boolean): Buffer => {
  const le = Buffer.from(s, 'utf16le');
  if (bigEndian) for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), le]);
};

describe('decodeText', () => {
  const good: Array<[string, Buffer, string]> = [
    ['plain UTF-8', Buffer.from('Séoul’s envoy', 'utf8'), 'Séoul’s envoy'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Kyiv', 'utf8')]), 'Kyiv'],
    ['UTF-16 LE with BOM', utf16('Pyongyang – Seoul', false), 'Pyongyang – Seoul'],
    ['UTF-16 BE with BOM', utf16('Zürich', true), 'Zürich'],
    [
      'HTML declaring windows-1252',
      Buffer.concat([Buffer.from('<meta charset="windows-1252"><p>Bogot'), Buffer.from([0xe1, 0x20, 0x93, 0x6f, 0x6b, 0x94]), Buffer.from('</p>')]),
      '<meta charset="windows-1252"><p>Bogotá “ok”</p>',
    ],
    [
      'XML declaring ISO-8859-1',
      Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss>Z'), Buffer.from([0xfc]), Buffer.from('rich</rss>')]),
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss>Zürich</rss>',
    ],
  ];
  it.each(good)('%s', (_name, bytes, expected) => {
    expect(decodeText(bytes)).toEqual({ ok: true, text: expected });
  });

  const bad: Array<[string, Buffer, RegExp]> = [
    ['NUL bytes', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10]), /binary/],
    ['Latin-1 bytes', Buffer.from([0x4d, 0x61, 0x6e, 0x61, 0x67, 0x75, 0xe1, 0x20, 0x6f, 0x6b]), /not valid UTF-8.*offset 6/],
    ['control characters', Buffer.from('\u0001\u0002\u0003\u0004abc\u0005\u0006', 'utf8'), /binary/],
  ];
  it.each(bad)('refuses %s', (_name, bytes, message) => {
    const result = decodeText(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});
