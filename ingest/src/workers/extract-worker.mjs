// Worker-thread entry: lets the TypeScript worker load under plain Node
// (worker threads do not inherit tsx's loader), then runs it.
import { register } from 'tsx/esm/api';

register();
await import('./extract-worker.ts');
