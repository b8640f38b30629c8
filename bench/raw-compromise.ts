/**
 * The baseline every extraction figure is compared with: raw compromise,
 * people() + organizations() + places() over each text, on one thread.
 */
import nlp from 'compromise';

export function rawCompromise(text: string): number {
  const doc = nlp(text);
  return doc.people().length + doc.organizations().length + doc.places().length;
}

/** Milliseconds raw compromise takes over all the texts. */
export function timeRawCompromise(texts: string[]): number {
  const started = performance.now();
  let found = 0;
  for (const text of texts) found += rawCompromise(text);
  // Keep the work observable so nothing is optimised away.
  if (found < 0) console.log(found);
  return performance.now() - started;
}
