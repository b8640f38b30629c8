/** What panels can ask the explorer to do, so views need not know the graph. */
import type { EntitySummary } from '../api-types.js';

export interface Actions {
  openEntity(id: string): void;
  openArticle(id: string): void;
  openLink(source: string, target: string): void;
  expand(id: string): void;
  focus(id: string): void;
  addActor(entity: EntitySummary): void;
  /** Marks a graph element as annotated (or not) the moment a note changes. */
  markAnnotated(elementIds: string[], annotated: boolean): void;
  merge(id: string, into: EntitySummary): Promise<void>;
  retype(id: string, type: string): Promise<void>;
  reject(id: string): Promise<void>;
  pathFrom(entity: EntitySummary): void;
}
