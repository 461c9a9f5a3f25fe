import type { ScaleLabelPrefixes } from '../domain/scale-label.ts';
import type { Catalogue } from '../store/mongo.ts';

/** What the use cases work with, made once at start-up (main.ts). */
export interface ProductServiceDeps {
  catalogue: Catalogue;
  scaleLabels: ScaleLabelPrefixes;
  /** Tells the event relay a write has left an event in this product to publish. */
  eventsWaiting: (productId: string) => void;
}
