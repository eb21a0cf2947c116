/**
 * The `omitPagingFlags` quirk, for every paged answer (QueryTaskDetailList, QueryTaskList): the page without its
 * NextPage and PrePage, as the English QueryTaskDetailList sample and the PollTaskResult JSON sample answer.
 * Clients must page on the counts (TotalItemNum, TotalPageNum, the details served), never on the flags.
 */
import type { Quirks } from "./types";

type PagingFlags = { PrePage?: boolean; NextPage?: boolean };

export const withPagingFlags = <P extends PagingFlags>(page: P, quirks: Quirks): Omit<P, keyof PagingFlags> & PagingFlags => {
  if (!quirks.omitPagingFlags) return page;
  const { PrePage: _pre, NextPage: _next, ...rest } = page;
  return rest;
};
