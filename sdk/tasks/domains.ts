/** Domain names as the task operations compare them: lower case, no trailing root dot (EXAMPLE.com. is example.com). */
export const normalizeDomain = (name: string): string => name.trim().toLowerCase().replace(/\.$/, "");

/** The distinct domains of a list, normalized and sorted. */
export const domainSet = (names: readonly string[]): string[] => [...new Set(names.map(normalizeDomain))].sort();
