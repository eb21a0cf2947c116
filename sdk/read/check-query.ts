/** A query, checked before anything is sent: every reader of the package refuses bad input the same way. */
import { TaskQuerySchema, type TaskQuery } from "../api/schemas";
import { ValidationError } from "../errors";

/** The query as checked: trimmed strings, known filters (a TaskQuery; the zod schema stays internal). */
export type CheckedQuery = TaskQuery;

/** @throws ValidationError naming the field and its value. */
export const checkQuery = (query: TaskQuery): CheckedQuery => {
  const parsed = TaskQuerySchema.safeParse(query);
  if (parsed.success) return parsed.data satisfies CheckedQuery;
  const issue = parsed.error.issues[0];
  const field = String(issue.path[0] ?? "query");
  const value = typeof query === "object" && query !== null ? (query as Record<string, unknown>)[field] : query;
  throw new ValidationError(field, value, `${field}: ${issue.message}`);
};
