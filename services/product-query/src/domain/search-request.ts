// What a search may ask for, and the rules a request must keep beyond its field types.
import { ValidationError } from '@pos/platform';

export const SORTS = ['relevance', 'name', '-name', 'price', '-price'] as const;
export type Sort = (typeof SORTS)[number];

export interface SearchRequest {
  q?: string;
  categoryId?: string;
  inStock?: boolean;
  minPrice?: number;
  maxPrice?: number;
  includeInactive: boolean;
  sort: Sort;
  page: number;
  pageSize: number;
}

/** Elasticsearch answers no deeper than its max_result_window (10,000 hits by default); a page
 * past it is refused here, with a clear 400, rather than failing in the store. */
export const RESULT_WINDOW = 10_000;

export function checkSearchRequest(request: SearchRequest): void {
  if (request.minPrice !== undefined && request.maxPrice !== undefined && request.minPrice > request.maxPrice) {
    throw new ValidationError('minPrice is above maxPrice', { minPrice: request.minPrice, maxPrice: request.maxPrice }, 'SEARCH.BAD_PRICE_RANGE');
  }
  if (request.page * request.pageSize > RESULT_WINDOW) {
    throw new ValidationError(`page × pageSize may not pass ${RESULT_WINDOW}`, { page: request.page, pageSize: request.pageSize }, 'SEARCH.PAGE_OUT_OF_WINDOW');
  }
}
