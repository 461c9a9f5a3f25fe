// The search index: an explicit mapping, always reached through an alias, so a rebuild can fill
// a new index and swap the alias in one atomic step while the app keeps using the same name.
import { Client, errors } from '@elastic/elasticsearch';
import { DependencyUnavailableError, refuseUnlessTestDatabase, unreachableStore } from '@pos/platform';

export interface ProductIndex {
  es: Client;
  /** The alias the app reads and writes; concrete indexes are named `<alias>-<stamp>`. */
  alias: string;
}

export function openProductIndex(url: string, alias: string, options: { test?: boolean } = {}): ProductIndex {
  refuseUnlessTestDatabase(alias, options.test);
  // Few retries and a short timeout: a search answers 503 soon rather than hang the till.
  return { es: new Client({ node: url, maxRetries: 1, requestTimeout: 5000 }), alias };
}

// No custom analysers: this distribution lacks the analysis-common module (no lowercase
// normalizer, no edge_ngram). index_prefixes gives fast prefix queries on the name instead.
export const MAPPING = {
  dynamic: 'strict',
  properties: {
    id: { type: 'keyword' },
    listed: { type: 'boolean' },
    sku: { type: 'keyword', fields: { text: { type: 'text' } } },
    name: { type: 'text', index_prefixes: { min_chars: 1, max_chars: 10 }, fields: { sort: { type: 'keyword' } } },
    description: { type: 'text' },
    categoryId: { type: 'keyword' },
    baseUnit: { type: 'keyword', index: false },
    taxClass: { type: 'keyword' },
    weighed: { type: 'boolean' },
    plu: { type: 'keyword' },
    units: { type: 'object', enabled: false },
    barcodes: { type: 'keyword' },
    price: { type: 'long' },
    active: { type: 'boolean' },
    productVersion: { type: 'long' },
    onHand: { type: 'long' },
    available: { type: 'long' },
    stockVersion: { type: 'long' },
  },
} as const;

export const newIndexName = (alias: string) => `${alias}-${new Date().toISOString().replace(/[^0-9]/g, '')}`;

/** Creates an index with the mapping; with `asAlias`, the alias points at it from the start. */
export async function createIndex(index: ProductIndex, name: string, asAlias: boolean): Promise<void> {
  await index.es.indices.create({
    index: name,
    mappings: MAPPING,
    settings: { number_of_shards: 1, number_of_replicas: 0 },
    ...(asAlias && { aliases: { [index.alias]: { is_write_index: true } } }),
  });
}

/** At start-up: the alias exists, or a first index is made behind it. Replicas starting
 * together may race; the one that loses finds the alias made. An index made by an older
 * release gets the fields added since (the mapping is strict, so a document with a field the
 * index lacks would be refused); a field may be added, never changed, so this is safe to repeat.
 * Documents written before keep their old shape until their product changes or a rebuild. */
export async function ensureIndex(index: ProductIndex): Promise<void> {
  if (await index.es.indices.existsAlias({ name: index.alias })) {
    await index.es.indices.putMapping({ index: index.alias, ...MAPPING });
    return;
  }
  try {
    await createIndex(index, `${index.alias}-initial`, true);
  } catch (error) {
    if (!(error instanceof errors.ResponseError && error.body?.error?.type === 'resource_already_exists_exception')) throw error;
  }
}

/** A readiness check: the alias answers. */
export const indexAnswers = (index: ProductIndex) => async (): Promise<void> => {
  await index.es.count({ index: index.alias });
};

/** Runs a call to Elasticsearch; a server that cannot be reached or fails is a 503. */
export async function unlessDown<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (unreachableStore(error)) throw new DependencyUnavailableError('Elasticsearch', error);
    throw error;
  }
}

/** Points the alias at `fresh` alone, in one atomic step, and deletes the generations before
 * the one just replaced. The replaced index is kept until the next rebuild: a write that read
 * from it just before the swap still lands there (store/document.store.ts writes to the index
 * it read), never into a deleted name that Elasticsearch would re-create with a guessed mapping. */
export async function swapAlias(index: ProductIndex, fresh: string): Promise<void> {
  // What the fill wrote becomes searchable before searches move over, not at the next refresh.
  await index.es.indices.refresh({ index: fresh });
  const current = Object.keys(await index.es.indices.getAlias({ name: index.alias }));
  await index.es.indices.updateAliases({
    actions: [
      ...current.map((name) => ({ remove: { index: name, alias: index.alias } })),
      { add: { index: fresh, alias: index.alias, is_write_index: true } },
    ],
  });
  const generations = Object.keys(await index.es.indices.get({ index: `${index.alias}-*`, expand_wildcards: 'open' }));
  const old = generations.filter((name) => name !== fresh && !current.includes(name));
  if (old.length > 0) await index.es.indices.delete({ index: old });
}
