import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";

/** What one request cost: every HTTP request to the database, and the longest chain of them one after another. */
export type RoundTrips = { requests: number; sequential: number };

/**
 * A database on a libSQL server whose every HTTP request (one per execute, one per batch, one per step of an
 * interactive transaction) is counted, as a real network would see it. Each request is held for a few
 * milliseconds, like a short network, so requests made side by side overlap; a request's depth is one more
 * than the deepest request that had finished before it began. The deepest depth is the number of round trips
 * the caller waited for in sequence — what a far-away database multiplies.
 */
export function openCountingDb(
  url: string,
  holdMs = 5,
): { db: Db; measure: <T>(fn: () => Promise<T>) => Promise<{ result: T; trips: RoundTrips }> } {
  let finished: number[] = [];
  let requests = 0;
  let counting = false;
  const countingFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    if (!counting) return fetch(input, init);
    const depth = 1 + Math.max(0, ...finished);
    requests++;
    const response = await fetch(input, init);
    // The body is read now, so the hold below is the only wait left before the caller sees the answer.
    const body = await response.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, holdMs));
    finished.push(depth);
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  const client = createClient({ url, fetch: countingFetch });
  const db = drizzle(client, { schema }) as Db;
  return {
    db,
    async measure(fn) {
      finished = [];
      requests = 0;
      counting = true;
      try {
        const result = await fn();
        return { result, trips: { requests, sequential: Math.max(0, ...finished) } };
      } finally {
        counting = false;
      }
    },
  };
}
