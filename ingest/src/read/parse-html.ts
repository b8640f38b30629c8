/**
 * linkedom's parseHTML, loaded on the first HTML there is to parse: it takes
 * half a second to load, which an ingest of plain text or JSONL never needs.
 */
import { createRequire } from 'node:module';
import type * as Linkedom from 'linkedom';

const require = createRequire(import.meta.url);
let linkedom: typeof Linkedom | undefined;

export function parseHTML(html: string): ReturnType<typeof Linkedom.parseHTML> {
  linkedom ??= require('linkedom') as typeof Linkedom;
  return linkedom.parseHTML(html);
}
