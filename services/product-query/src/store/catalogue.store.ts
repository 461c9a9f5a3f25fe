// The catalogue as the till keeps it offline: every listed product, read as a snapshot and then
// as changes, in the order the index applied its writes.
//
// The change marker is Elasticsearch's own `_seq_no`: the shard numbers every write of a
// document as it applies it, so a product's number grows with each change (product or stock)
// and a position (seqNo, id) in that order says what the till has seen. The index has one
// shard (createIndex), so the numbers are one sequence.
//
// Why no change is ever skipped by a position, with writes going on while tills read:
// writes are applied concurrently and a search sees them only after a refresh, so write 12 may
// be searchable while write 11 is not yet; a till that read 12 and moved on would never get 11.
// So a read returns only writes at or below the shard's local checkpoint (the highest number
// up to which every write has been applied and made durable; the lowest over the shard's
// copies), read *before* refreshing: every write at or below it is then in the refreshed view,
// and none is left behind the position. What is above the checkpoint comes in a later read. A
// product changed again after the checkpoint was read shows its newer state, under a number
// above the checkpoint: it is left for the next read then, never lost.
//
// A rebuild (use-cases/rebuild-index.ts) fills a new index whose numbers start again: a
// position in another index than the alias's reads the current index from its start, so the
// till gets every product again (it keeps the higher productVersion).
import type { SearchDocument, SellingUnit } from '../domain/search-document.ts';
import type { FeedPosition } from '../domain/feed-position.ts';
import { unlessDown, type ProductIndex } from './product-index.ts';

export interface CatalogueProduct {
  id: string;
  sku: string;
  name: string;
  categoryId?: string;
  baseUnit: string;
  taxClass: string;
  weighed: boolean;
  plu?: string;
  units: SellingUnit[];
  active: boolean;
  productVersion: number;
  available: number;
}

export interface CatalogueChanges {
  products: CatalogueProduct[];
  next: FeedPosition;
}

const catalogueProductOf = (document: SearchDocument): CatalogueProduct => ({
  id: document.id,
  sku: document.sku ?? '',
  name: document.name ?? '',
  ...(document.categoryId && { categoryId: document.categoryId }),
  baseUnit: document.baseUnit ?? '',
  taxClass: document.taxClass ?? '',
  weighed: document.weighed ?? false,
  ...(document.plu && { plu: document.plu }),
  units: document.units ?? [],
  active: document.active === true,
  productVersion: document.productVersion,
  available: document.available,
});

/** The concrete index behind the alias (the one write index; a rebuild swaps it atomically). */
async function currentIndex(index: ProductIndex): Promise<string> {
  const aliases = await index.es.indices.getAlias({ name: index.alias });
  const names = Object.keys(aliases);
  const name = names.find((candidate) => aliases[candidate]?.aliases[index.alias]?.is_write_index) ?? names[0];
  if (!name) throw new Error(`no index behind the alias ${index.alias}`);
  return name;
}

/** The number up to which every write to the index is applied, on every copy of its shard. */
async function appliedCheckpoint(index: ProductIndex, name: string): Promise<number> {
  const stats = await index.es.indices.stats({ index: name, level: 'shards', metric: 'docs' });
  const shards = Object.values(stats.indices?.[name]?.shards ?? {});
  if (shards.length !== 1) throw new Error(`the catalogue feed reads one-shard indexes only; ${name} has ${shards.length}`);
  const checkpoints = (shards[0] ?? []).map((copy) => copy.seq_no?.local_checkpoint);
  if (checkpoints.length === 0 || checkpoints.some((checkpoint) => checkpoint === undefined)) throw new Error(`no sequence numbers for ${name}`);
  return Math.min(...(checkpoints as number[]));
}

/** Up to `limit` listed products changed after `from` (from the start without it), and the
 * position after the last of them. */
export async function catalogueChanges(index: ProductIndex, from: FeedPosition | undefined, limit: number): Promise<CatalogueChanges> {
  return unlessDown(async () => {
    const name = await currentIndex(index);
    const after = from?.index === name ? from.after : undefined;
    const checkpoint = await appliedCheckpoint(index, name);
    await index.es.indices.refresh({ index: name });
    const reply = await index.es.search<SearchDocument>({
      index: name,
      size: limit,
      query: { bool: { filter: [{ term: { listed: true } }, { range: { _seq_no: { lte: checkpoint } } }] } },
      sort: [{ _seq_no: 'asc' }, { id: 'asc' }],
      ...(after && { search_after: after }),
      track_total_hits: false,
    });
    const hits = reply.hits.hits;
    const reached = (hits.at(-1)?.sort as [number, string] | undefined) ?? after;
    return {
      products: hits.flatMap((hit) => (hit._source ? [catalogueProductOf(hit._source)] : [])),
      next: reached ? { index: name, after: reached } : { index: name },
    };
  });
}
