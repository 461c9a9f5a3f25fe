// The CSV format of a product import (README, "The product service"): a header row, then one row
// per selling unit; the rows of one SKU make one product, its product columns read from its first
// row. A cell left empty (or a column left out) changes nothing on an existing product.
import { ValidationError } from '@pos/platform';
import { CsvError, parse } from 'csv-parse/sync';
import type { ImportProblem, ImportRow } from '../use-cases/import-products.ts';
import { productPatch } from './schemas.ts';

export const IMPORT_MAX_ROWS = 1000;
export const PRODUCT_COLUMNS = ['sku', 'name', 'description', 'categoryId', 'baseUnit', 'taxClass', 'weighed', 'plu'] as const;
export const UNIT_COLUMNS = ['unit', 'barcode', 'toBase', 'price'] as const;
const COLUMNS: readonly string[] = [...PRODUCT_COLUMNS, ...UNIT_COLUMNS];

type Cells = Record<string, string>;
interface Line { line: number; cells: Cells }

/** The file's products in the order their SKUs first appear, and the rows already refused. */
export function parseProductCsv(text: string): { rows: ImportRow[]; problems: ImportProblem[] } {
  const [header, ...lines] = readLines(text);
  if (!header) throw new ValidationError('the file has no header row', undefined, 'IMPORT.EMPTY');
  const columns = checkHeader(header);
  if (lines.length > IMPORT_MAX_ROWS) {
    throw new ValidationError(`at most ${IMPORT_MAX_ROWS} rows per file`, { rows: lines.length }, 'IMPORT.TOO_MANY_ROWS');
  }
  const problems: ImportProblem[] = [];
  const bySku = new Map<string, Line[]>();
  for (const { line, cells } of lines) {
    const sku = cells[0] ?? '';
    if (cells.length !== columns.length) problems.push({ line, sku, code: 'IMPORT.COLUMN_COUNT', reason: `expected ${columns.length} cells, found ${cells.length}` });
    else if (!sku) problems.push({ line, code: 'IMPORT.NO_SKU', reason: 'the sku cell is empty' });
    else bySku.set(sku, [...(bySku.get(sku) ?? []), { line, cells: Object.fromEntries(columns.map((column, at) => [column, cells[at] ?? ''])) }]);
  }
  const rows: ImportRow[] = [];
  for (const [sku, group] of bySku) {
    const parsed = productPatch.safeParse(patchOf(group));
    const line = group[0]?.line ?? 0;
    if (parsed.success) rows.push({ line, sku, patch: parsed.data });
    else problems.push({ line, sku, code: 'REQUEST.INVALID', reason: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'row'}: ${issue.message}`).join('; ') });
  }
  return { rows, problems: problems.sort((a, b) => a.line - b.line) };
}

/** Records with the line each starts on; a CSV syntax error refuses the whole file. */
function readLines(text: string): { line: number; cells: string[] }[] {
  try {
    const records = parse(text, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true, raw: true }) as unknown as
      { record: string[]; info: { lines: number }; raw: string }[]; // what info and raw make of each record
    // info.lines is where a record ends; a quoted cell may span lines.
    return records.map(({ record, info, raw }) => ({ line: info.lines - (raw.replace(/^[\r\n]+|[\r\n]+$/g, '').match(/\n/g)?.length ?? 0), cells: record }));
  } catch (error) {
    if (error instanceof CsvError) throw new ValidationError(`not readable as CSV: ${error.message}`, { line: error.lines }, 'IMPORT.MALFORMED_CSV');
    throw error;
  }
}

function checkHeader(header: { cells: string[] }): string[] {
  const unknown = header.cells.filter((column) => !COLUMNS.includes(column));
  const repeated = header.cells.filter((column, at) => header.cells.indexOf(column) !== at);
  if (header.cells[0] !== 'sku' || unknown.length > 0 || repeated.length > 0) {
    throw new ValidationError(`the header starts with sku and names only these columns, once each: ${COLUMNS.join(', ')}`,
      { unknown, repeated }, 'IMPORT.BAD_HEADER');
  }
  return header.cells;
}

/** The fields the cells give: product columns from the first row, one unit per row. */
function patchOf(group: Line[]): Record<string, unknown> {
  const first = group[0]?.cells ?? {};
  const given = (value: string | undefined) => (value ? value : undefined);
  const patch: Record<string, unknown> = {};
  for (const column of PRODUCT_COLUMNS) {
    const value = given(first[column]);
    if (value !== undefined) patch[column] = column === 'weighed' ? booleanCell(value) : value;
  }
  const unitRows = group.filter(({ cells }) => UNIT_COLUMNS.some((column) => given(cells[column])));
  if (unitRows.length > 0) patch.units = unitRows.map(({ cells }) => unitOf(cells, given));
  return patch;
}

function unitOf(cells: Cells, given: (value: string | undefined) => string | undefined): Record<string, unknown> {
  const barcode = given(cells.barcode);
  return { name: cells.unit, ...(barcode && { barcode }), conversion: numberCell(cells.toBase ?? ''), price: numberCell(cells.price ?? '') };
}

// Left as text when not a number, so the schema names the column in its refusal.
const numberCell = (value: string): unknown => (/^-?\d+$/.test(value) ? Number(value) : value);
const booleanCell = (value: string): unknown => (value === 'true' ? true : value === 'false' ? false : value);
