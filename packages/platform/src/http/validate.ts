import type { z } from 'zod';
import { ValidationError } from '../errors/app-errors.ts';

export interface FieldProblem {
  field: string;
  problem: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/** Parses one part of a request (`where`: body, query, params), collecting what is wrong. */
export function parsePart<Schema extends z.ZodType>(schema: Schema, value: unknown, where: string): Parsed<z.infer<Schema>> {
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
