import "server-only";
import { sql } from "drizzle-orm";
import { distance } from "fastest-levenshtein";
import type { Db } from "@/db/client";
import { clinicalWords, searchWords } from "./search-words";

/**
 * The words the search can find: every term in the full-text index (read from its fts5vocab table, so it is
 * the index's own spelling after tokenizing) and the clinical words of the synonyms file, with how many
 * exercises use each. Plain SQL that embedded libSQL and sqld both run: no spellfix extension needed.
 */
type Lexicon = { sorted: string[]; docs: Map<string, number>; byLength: Map<number, string[]> };

// A new word in the library becomes a suggestion within a minute; reading the index costs ~100 ms at 10,000
// exercises, and only a search that found nothing ever needs it.
const lexiconTtlMs = 60_000;
const cache = new WeakMap<Db, { loadedAt: number; lexicon: Promise<Lexicon> }>();

async function readLexicon(db: Db): Promise<Lexicon> {
  const rows = await db.all<{ term: string; doc: number }>(sql`select term, doc from exercises_fts_vocab`);
  const docs = new Map<string, number>();
  for (const { term, doc } of rows) if (term.length >= 3 && !/\d/.test(term)) docs.set(term, doc);
  for (const word of clinicalWords) if (word.length >= 3 && !docs.has(word)) docs.set(word, 1);
  const byLength = new Map<number, string[]>();
  for (const term of docs.keys()) {
    const sameLength = byLength.get(term.length);
    if (sameLength) sameLength.push(term);
    else byLength.set(term.length, [term]);
  }
  return { sorted: [...docs.keys()].sort(), docs, byLength };
}

function lexiconOf(db: Db, now: number): Promise<Lexicon> {
  const held = cache.get(db);
  if (held && now - held.loadedAt < lexiconTtlMs) return held.lexicon;
  const lexicon = readLexicon(db);
  cache.set(db, { loadedAt: now, lexicon });
  lexicon.catch(() => cache.delete(db)); // a failed read is retried by the next search
  return lexicon;
}

/** Whether some term starts with the word (the last word is still being typed). */
function hasPrefix(sorted: string[], word: string): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo]!.startsWith(word);
}

/** How many typing slips a word may hold and still be corrected: none in short words, where guesses go wrong. */
export function allowedEdits(word: string): number {
  return word.length < 4 ? 0 : word.length < 6 ? 1 : 2;
}

/** The closest term within the allowed edits (Levenshtein), the more used one on a tie; undefined if none. */
function closestTerm(lexicon: Lexicon, word: string): string | undefined {
  const allowed = allowedEdits(word);
  let best: { term: string; edits: number; docs: number } | undefined;
  for (let length = word.length - allowed; length <= word.length + allowed; length++) {
    for (const term of lexicon.byLength.get(length) ?? []) {
      const edits = distance(word, term);
      if (edits > allowed) continue;
      const docs = lexicon.docs.get(term) ?? 0;
      if (!best || edits < best.edits || (edits === best.edits && docs > best.docs)) best = { term, edits, docs };
    }
  }
  return best?.term;
}

/**
 * "Did you mean": the search with each word the library does not know replaced by the closest word it does
 * ("thorasic" → "thoracic"), or null when there is nothing to correct or nothing close enough.
 */
export async function suggestSpelling(db: Db, typed: string, now = Date.now()): Promise<string | null> {
  const words = searchWords(typed.toLowerCase()).slice(0, 12);
  if (words.length === 0) return null;
  const lexicon = await lexiconOf(db, now);
  let changed = false;
  const corrected = words.map((word, i) => {
    const known = lexicon.docs.has(word) || (i === words.length - 1 && hasPrefix(lexicon.sorted, word));
    if (known || /\d/.test(word) || allowedEdits(word) === 0) return word;
    const closest = closestTerm(lexicon, word);
    if (!closest) return word;
    changed = true;
    return closest;
  });
  return changed ? corrected.join(" ") : null;
}
