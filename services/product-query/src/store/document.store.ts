// Writes one product's search document by read-modify-write with a conditional write.
//
// Why a duplicate or an older event never overwrites a newer state, even with concurrent
// deliveries (two replicas, a redelivery racing the first delivery, a rebuild writing beside
// the subscriptions): every write is conditional on the document being exactly as it was read
// (`if_seq_no`/`if_primary_term`; `op_type: create` when it was absent). The decision, taken on
// what was read, keeps each source's fields only if the new fact's version is higher. If anyone
// wrote in between, Elasticsearch answers 409 and we read and decide again, so no decision is
// ever applied to a state it did not see. Each source's version thus only grows, and the last
// state is the one of the highest version of each source, whatever the order of arrival.
// (No painless scripts here: this distribution has no lang-painless module.)
import { errors } from '@elastic/elasticsearch';
import type { SearchDocument } from '../domain/search-document.ts';
import { unlessDown, type ProductIndex } from './product-index.ts';

/** Enough for any realistic burst of writers on one product; past it the event is retried. */
const MAX_ATTEMPTS = 10;

const isConflict = (error: unknown) => error instanceof errors.ResponseError && error.statusCode === 409;

/** Applies a change to the document of `id` in `target` (the alias, or a rebuild's new index).
 * Resolves true when the document was written, false when the change had nothing new. */
export async function changeDocument(
  index: ProductIndex, id: string, change: (current: SearchDocument | undefined) => SearchDocument | undefined, target = index.alias,
): Promise<boolean> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const found = await unlessDown(() => index.es.get<SearchDocument>({ index: target, id }, { ignore: [404] }));
    const current = found.found ? found._source : undefined;
    const next = change(current);
    if (!next) return false;
    try {
      // Written to the concrete index it was read from: if a rebuild swapped the alias in
      // between, the decision lands beside the state it was taken on (use-cases/rebuild-index.ts).
      await unlessDown(() => index.es.index({
        index: found._index, id, document: next,
        ...(found.found ? { if_seq_no: found._seq_no, if_primary_term: found._primary_term } : { op_type: 'create' as const }),
      }));
      return true;
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  }
  throw new Error(`document ${id}: still conflicting after ${MAX_ATTEMPTS} attempts`);
}
