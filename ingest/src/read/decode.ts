/** Bytes to text: honours byte-order marks, and refuses binary junk and invalid UTF-8 with a reason. */

export type Decoded = { ok: true; text: string } | { ok: false; message: string };

function swapBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1]!;
    out[i + 1] = bytes[i]!;
  }
  return out;
}

/** Share of control characters (other than tab, newlines, form feed) in a text sample. */
function controlShare(text: string): number {
  const sample = text.slice(0, 8192);
  if (sample.length === 0) return 0;
  const controls = sample.match(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/gu)?.length ?? 0;
  return controls / sample.length;
}

// Where HTML and XML say their encoding: <meta charset>, the http-equiv content type, the XML declaration.
const CHARSET_DECLARATION = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/iu;

// windows-1252 in 0x80–0x9F (WHATWG Encoding); the rest of the range is Latin-1.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Node 20's TextDecoder decodes windows-1252 (the label web pages use for "latin1") as ISO-8859-1,
 * turning curly quotes into control characters; the 32 differing code points are mapped here.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1').replace(/[\u0080-\u009f]/gu, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

interface Decoder {
  decode(bytes: Uint8Array): string;
}

/** A decoder for the legacy encoding a page or feed declares (windows-1252, ISO-8859-2, Shift_JIS...), if any. */
function declaredDecoder(bytes: Uint8Array): Decoder | undefined {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const match = CHARSET_DECLARATION.exec(head);
  const label = match?.[1] ?? match?.[2];
  if (!label || /^utf-?8$/iu.test(label)) return undefined;
  try {
    const decoder = new TextDecoder(label);
    return decoder.encoding === 'windows-1252' ? { decode: decodeWindows1252 } : decoder;
  } catch {
    return undefined; // a label Node does not know: report invalid UTF-8 instead
  }
}

/**
 * Decodes UTF-8 (with or without BOM), UTF-16 with a BOM, and HTML or XML that declares another charset.
 * Anything else is refused rather than guessed: a wrong guess would put garbage names in the graph.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    // Swapped by hand: Node builds without full ICU lack a utf-16be decoder.
    return { ok: true, text: new TextDecoder('utf-16le').decode(swapBytes(bytes.subarray(2))) };
  }
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (body.includes(0)) {
    return { ok: false, message: 'looks like a binary file (contains NUL bytes), not text' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const declared = declaredDecoder(body);
    if (declared) return { ok: true, text: declared.decode(body) };
    const lenient = new TextDecoder('utf-8').decode(body);
    const at = Buffer.byteLength(lenient.slice(0, Math.max(0, lenient.indexOf('\ufffd'))), 'utf8');
    return { ok: false, message: `is not valid UTF-8 (first bad byte near offset ${at}); save it as UTF-8 and retry` };
  }
  if (controlShare(text) > 0.05) {
    return { ok: false, message: 'looks like a binary file (mostly control characters), not text' };
  }
  return { ok: true, text };
}
