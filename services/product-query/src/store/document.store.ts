// Writes products' search documents by read-modify-write with conditional writes.
//
// Why a duplicate or an older event never overwrites a newer state, even with concurrent
// deliveries (two replicas, a redelivery racing the first delivery, a rebuild writing beside
// the subscriptions): every write is conditional on the document being exactly as it was read
// (`if_seq_no`/`if_primary_term`; `create` when it was absent). The decision, taken on
// what was read, keeps each source's fields only if the new fact's version is higher. If anyone
// wrote in between, Elasticsearch answers 409 and we read and decide again, so no decision is
// ever applied to a state it did not see. Each source's version thus only grows, and the last
// state is the one of the highest version of each source, whatever the order of arrival.
// (No painless scripts here: this distribution has no lang-painless module.)
import type { SearchDocument } from '../domain/search-document.ts';
import { unlessDown, type ProductIndex } from './product-index.ts';

/** Enough for any realistic burst of writers on one product; past it the events are retried. */
const MAX_ATTEMPTS = 10;

type Change = (current: SearchDocument | undefined) => SearchDocument | undefined;

/** Applies a change to the document of `id` in `target` (the alias, or a rebuild's new index).
 * Resolves true when the document was written, false when the change had nothing new. */
export async function changeDocument(index: ProductIndex, id: string, change: Change, target = index.alias): Promise<boolean> {
  return (await changeDocuments(index, new Map([[id, change]]), target)).has(id);
}

/** Applies each document's change, all in one read and one bulk write (and again for those
 * someone wrote in between). Resolves the ids of the documents written. */
export async function changeDocuments(index: ProductIndex, changes: ReadonlyMap<string, Change>, target = index.alias): Promise<Set<string>> {
  const written = new Set<string>();
  let pending = [...changes.keys()];
  for (let attempt = 1; attempt <= MAX_ATTEMPTS && pending.length > 0; attempt++) {
    const { docs } = await unlessDown(() => index.es.mget<SearchDocument>({ index: target, ids: pending }));
    const writes = docs.flatMap((doc) => {
      if ('error' in doc) throw new Error(`document ${doc._id}: ${doc.error.type}: ${doc.error.reason ?? ''}`);
      const next = changes.get(doc._id)?.(doc.found ? doc._source : undefined);
      return next ? [{ doc, next }] : [];
    });
    pending = [];
    if (writes.length === 0) break;
    // Written to the concrete index each was read from: if a rebuild swapped the alias in
    // between, the decision lands beside the state it was taken on (use-cases/rebuild-index.ts).
    const reply = await unlessDown(() => index.es.bulk({
      operations: writes.flatMap(({ doc, next }) => [
        doc.found ? { index: { _index: doc._index, _id: doc._id, if_seq_no: doc._seq_no, if_primary_term: doc._primary_term } } : { create: { _index: doc._index, _id: doc._id } },
        next,
      ]),
    }));
    reply.items.forEach((item, i) => {
      const id = writes[i]?.doc._id ?? '';
      const result = item.index ?? item.create;
      if (result?.status === 409) pending.push(id); // written in between: read and decide again
      else if (result?.error) throw new Error(`document ${id}: ${result.error.type}: ${result.error.reason ?? ''}`);
      else written.add(id);
    });
  }
  if (pending.length > 0) throw new Error(`documents ${pending.join(', ')}: still conflicting after ${MAX_ATTEMPTS} attempts`);
  return written;
}
