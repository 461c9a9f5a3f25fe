// The read side's queries, straight on the index (no domain in between: it is a read model).
import type { estypes } from '@elastic/elasticsearch';
import type { SearchDocument } from '../domain/search-document.ts';
import type { SearchRequest, Sort } from '../domain/search-request.ts';
import { unlessDown, type ProductIndex } from './product-index.ts';

export type ProductView = Omit<SearchDocument, 'listed' | 'barcodes'>;

export interface SearchPage {
  items: ProductView[];
  total: number;
  page: number;
  pageSize: number;
}

const toView = ({ listed: _listed, barcodes: _barcodes, ...view }: SearchDocument): ProductView => view;

/** Exact SKU or barcode hits outweigh any text score, so they rank first. */
const EXACT_BOOST = 100;

// Cost matters at the till's rate: prefixes only where index_prefixes makes them cheap (the
// name) or on the SKU's keyword, and typo tolerance only on name and SKU words, with the first
// letter taken as typed (prefix_length 1), which cuts the terms each fuzzy word expands to.
function textQuery(q: string): estypes.QueryDslQueryContainer {
  return {
    bool: {
      should: [
        { term: { sku: { value: q, boost: EXACT_BOOST } } },
        { term: { barcodes: { value: q, boost: EXACT_BOOST } } },
        // Search as you type: every word but the last as typed (with typos), the last as a
        // prefix; every word must match, so each word typed narrows the list.
        { multi_match: { query: q, type: 'bool_prefix', operator: 'and', fields: ['name^3'], fuzziness: 'AUTO', prefix_length: 1 } },
        // bool_prefix does not make its last word fuzzy: a typo in the last word is caught here.
        { multi_match: { query: q, operator: 'and', fields: ['name^3', 'sku.text^2'], fuzziness: 'AUTO', prefix_length: 1 } },
        { prefix: { sku: { value: q, boost: 2 } } },
        { match: { description: { query: q, operator: 'and' } } },
      ],
      minimum_should_match: 1,
    },
  };
}

function filtersOf(request: SearchRequest): estypes.QueryDslQueryContainer[] {
  const filters: estypes.QueryDslQueryContainer[] = [{ term: { listed: true } }];
  if (!request.includeInactive) filters.push({ term: { active: true } });
  if (request.categoryId) filters.push({ term: { categoryId: request.categoryId } });
  if (request.inStock !== undefined) filters.push(request.inStock ? { range: { available: { gt: 0 } } } : { range: { available: { lte: 0 } } });
  if (request.minPrice !== undefined || request.maxPrice !== undefined) {
    filters.push({ range: { price: { ...(request.minPrice !== undefined && { gte: request.minPrice }), ...(request.maxPrice !== undefined && { lte: request.maxPrice }) } } });
  }
  return filters;
}

const SORT_CLAUSES: Record<Sort, estypes.SortCombinations[]> = {
  relevance: ['_score', { 'name.sort': 'asc' }],
  name: [{ 'name.sort': 'asc' }, { id: 'asc' }],
  '-name': [{ 'name.sort': 'desc' }, { id: 'asc' }],
  price: [{ price: 'asc' }, { id: 'asc' }],
  '-price': [{ price: 'desc' }, { id: 'asc' }],
};

export async function searchProducts(index: ProductIndex, request: SearchRequest): Promise<SearchPage> {
  const reply = await unlessDown(() => index.es.search<SearchDocument>({
    index: index.alias,
    query: { bool: { must: request.q ? [textQuery(request.q)] : [{ match_all: {} }], filter: filtersOf(request) } },
    sort: SORT_CLAUSES[request.sort],
    from: (request.page - 1) * request.pageSize,
    size: request.pageSize,
    track_total_hits: true,
  }));
  const total = typeof reply.hits.total === 'number' ? reply.hits.total : (reply.hits.total?.value ?? 0);
  return { items: reply.hits.hits.flatMap((hit) => (hit._source ? [toView(hit._source)] : [])), total, page: request.page, pageSize: request.pageSize };
}

/** A listed product by id, inactive ones too. */
export async function findProduct(index: ProductIndex, id: string): Promise<ProductView | undefined> {
  const found = await unlessDown(() => index.es.get<SearchDocument>({ index: index.alias, id }, { ignore: [404] }));
  return found.found && found._source?.listed ? toView(found._source) : undefined;
}

/** The active products that sell a unit under this barcode (one, unless the catalogue is wrong). */
export async function findByBarcode(index: ProductIndex, barcode: string): Promise<ProductView[]> {
  const reply = await unlessDown(() => index.es.search<SearchDocument>({
    index: index.alias, size: 2,
    query: { bool: { filter: [{ term: { barcodes: barcode } }, { term: { listed: true } }, { term: { active: true } }] } },
  }));
  return reply.hits.hits.flatMap((hit) => (hit._source ? [toView(hit._source)] : []));
}
