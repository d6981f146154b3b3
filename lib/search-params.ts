import type { z } from "zod";

/** A page's search parameters as Next hands them over: a key given twice arrives as an array. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of each parameter, the shape a zod query schema reads: `?q=a&q=b` means q=a. */
export function firstValues(raw: SearchParams): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}

/**
 * A link to the same page with some parameters changed, as `?…`: a change to undefined or "" drops the parameter,
 * so a view's URL carries only what is set (and repeated parameters, which no page writes, are dropped).
 */
export function hrefWith(raw: SearchParams, changes: Record<string, string | number | undefined>): string {
  const next = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...raw, ...changes })) {
    if (value !== undefined && value !== "" && !Array.isArray(value)) next.set(key, String(value));
  }
  return `?${next}`;
}

/** A list page's view from its URL: the query its schema reads, and links to the same view with changes. */
export async function readSearchParams<Schema extends z.ZodType>(searchParams: Promise<SearchParams>, schema: Schema) {
  const raw = await searchParams;
  return {
    query: schema.parse(firstValues(raw)) as z.output<Schema>,
    linkTo: (changes: Record<string, string | number | undefined>) => hrefWith(raw, changes),
  };
}
