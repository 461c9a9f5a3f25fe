import { z } from 'zod';
import { ValidationError } from '../errors/app-errors.ts';

export interface FieldProblem {
  field: string;
  problem: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/** Control characters other than tab, line feed and carriage return: no field of ours means
 * them, PostgreSQL refuses NUL in text, and they hide in logs and receipts. */
// eslint-disable-next-line no-control-regex -- matching them is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** What is wrong with a string as text: a control character, or half of a UTF-16 pair (which
 * no encoding can store or send on). */
function textProblem(text: string): string | undefined {
  if (CONTROL_CHARACTER.test(text)) return 'contains a control character';
  if (!text.isWellFormed()) return 'contains an unpaired surrogate (not valid Unicode text)';
  return undefined;
}

/** Every string in `value` (keys too, at any depth) that is not text, by its field. */
function textProblems(value: unknown, path: string[], found: FieldProblem[] = []): FieldProblem[] {
  if (found.length >= 20) return found;
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) found.push({ field: path.join('.'), problem });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => textProblems(item, [...path, String(i)], found));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const problem = textProblem(key);
      if (problem) found.push({ field: [...path, JSON.stringify(key)].join('.'), problem: `a key that ${problem}` });
      else textProblems(item, [...path, key], found);
    }
  }
  return found;
}

/** Parses one part of a request (`where`: body, query, params), collecting what is wrong.
 * Strings that are not text are refused before any schema sees them, for every route. */
export function parsePart<Schema extends z.ZodType>(schema: Schema | undefined, value: unknown, where: string): Parsed<z.infer<Schema>> {
  const notText = textProblems(value, [where]);
  if (notText.length > 0) return { ok: false, problems: notText };
  if (!schema) return { ok: true, value: value as z.infer<Schema> };
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({ field: [where, ...issue.path.map(String)].join('.'), problem: issue.message })),
  };
}

/** A 400 that names every wrong field and why. */
export function invalidRequest(problems: FieldProblem[]): ValidationError {
  return new ValidationError(`invalid request: ${problems.map((p) => `${p.field}: ${p.problem}`).join('; ')}`, problems);
}

/** A day of the calendar as YYYY-MM-DD that exists (no 2026-02-31, no year 0). */
export const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine((text) => {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}, 'not a day of the calendar');
