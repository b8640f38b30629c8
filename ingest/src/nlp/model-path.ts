/** Where the trained mention tagger lives in the repository. */
import { fileURLToPath } from 'node:url';

export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('../../models/mention-tagger.bin.gz', import.meta.url));
