import type { z } from 'zod';
import { ValidationError } from '../errors/app-errors.ts';

export interface FieldProblem {
  field: string;
  problem: string;
}

/** Parses input at the edge; a failure names every wrong field and why. */
export function validate<Schema extends z.ZodType>(schema: Schema, value: unknown, where: string): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems: FieldProblem[] = result.error.issues.map((issue) => ({
    field: [where, ...issue.path.map(String)].join('.'),
    problem: issue.message,
  }));
  const summary = problems.map((p) => `${p.field}: ${p.problem}`).join('; ');
  throw new ValidationError(`invalid ${where}: ${summary}`, problems);
}
