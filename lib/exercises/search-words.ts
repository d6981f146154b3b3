import { searchSynonyms } from "./synonyms";

/** The words of a search as the FTS5 tokenizer splits them: runs of letters and digits (its match ignores case). */
export function searchWords(typed: string): string[] {
  return typed
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Every clinical term as its words ("levator scapulae" → ["levator", "scapulae"]) with the plain words it stands for. */
const clinicalTerms = searchSynonyms.flatMap(({ clinical, plain }) =>
  clinical.map((term) => ({ words: searchWords(term.toLowerCase()), plain })),
);
const longestTerm = Math.max(...clinicalTerms.map((t) => t.words.length));
const byPhrase = new Map<string, readonly string[]>();
for (const term of clinicalTerms) byPhrase.set(term.words.join(" "), [...(byPhrase.get(term.words.join(" ")) ?? []), ...term.plain]);

/** The shortest start of a clinical word that is expanded while it is still being typed ("rhom" → rhomboid). */
const minTypedPrefix = 4;

/** The plain words once each, less the typed words themselves (already in the query). */
const withoutOwn = (plain: readonly string[], own: string[]) => [...new Set(plain)].filter((p) => p !== own.join(" ").toLowerCase());

export type SearchWordGroup = { words: string[]; plain: string[] };

/**
 * Splits the words into groups, each a clinical term (the longest that matches, so "levator scapulae" is one
 * term) with the plain words it stands for, or a single word with none. The last word, still being typed,
 * also picks up the plain words of every one-word clinical term it starts.
 */
export function groupSynonyms(words: string[]): SearchWordGroup[] {
  const lower = words.map((w) => w.toLowerCase());
  const groups: SearchWordGroup[] = [];
  for (let i = 0; i < words.length;) {
    let matched = false;
    for (let n = Math.min(longestTerm, words.length - i); n >= 1 && !matched; n--) {
      const plain = byPhrase.get(lower.slice(i, i + n).join(" "));
      if (plain) {
        groups.push({ words: words.slice(i, i + n), plain: withoutOwn(plain, words.slice(i, i + n)) });
        i += n;
        matched = true;
      }
    }
    if (matched) continue;
    const word = lower[i]!;
    const typing = i === words.length - 1 && word.length >= minTypedPrefix;
    const plain = typing ? clinicalTerms.filter((t) => t.words.length === 1 && t.words[0]!.startsWith(word)).flatMap((t) => t.plain) : [];
    groups.push({ words: [words[i]!], plain: withoutOwn(plain, [word]) });
    i += 1;
  }
  return groups;
}

/** Every word the search understands beyond the library's own text: the clinical terms' words. */
export const clinicalWords: readonly string[] = [...new Set(clinicalTerms.flatMap((t) => t.words))];
