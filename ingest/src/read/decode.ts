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

/**
 * Decodes UTF-8 (with or without BOM) and UTF-16 with a BOM.
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
    const lenient = new TextDecoder('utf-8').decode(body);
    const at = Buffer.byteLength(lenient.slice(0, Math.max(0, lenient.indexOf('\ufffd'))), 'utf8');
    return { ok: false, message: `is not valid UTF-8 (first bad byte near offset ${at}); save it as UTF-8 and retry` };
  }
  if (controlShare(text) > 0.05) {
    return { ok: false, message: 'looks like a binary file (mostly control characters), not text' };
  }
  return { ok: true, text };
}
