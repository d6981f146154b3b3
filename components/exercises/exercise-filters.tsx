"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { bodyRegions, equipmentKinds, exerciseCategories, labelOf, startingPositions } from "@/lib/exercises/vocabulary";

const selects = [
  { name: "category", label: "Category", options: exerciseCategories },
  { name: "region", label: "Body region", options: bodyRegions },
  { name: "equipment", label: "Equipment", options: equipmentKinds },
  { name: "position", label: "Position", options: startingPositions },
] as const;

/**
 * Search box and filters. They live in the URL (bookmarkable, back button works): typing replaces the
 * query string after a short pause, and "/" anywhere focuses the search. Without JavaScript it is a
 * plain GET form.
 */
export function ExerciseFilters() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [q, setQ] = useState(params.get("q") ?? "");
  const [pending, startTransition] = useTransition();
  const searchRef = useRef<HTMLInputElement>(null);

  // Choosing a filter is a step the back button undoes; typing replaces the entry instead of one per key.
  const navigate = (changes: Record<string, string>, mode: "push" | "replace" = "push") => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    next.delete("page"); // a new search starts on page one
    const url = `${pathname}${next.size ? `?${next}` : ""}`;
    startTransition(() => (mode === "push" ? router.push(url, { scroll: false }) : router.replace(url, { scroll: false })));
  };

  useEffect(() => {
    if (q === (params.get("q") ?? "")) return;
    const timer = setTimeout(() => navigate({ q }, "replace"), 200);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- navigate reads the latest params itself
  }, [q]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.key !== "/" || target.closest("input, textarea, select, [contenteditable]")) return;
      event.preventDefault();
      searchRef.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <form method="get" role="search" className="filters" aria-busy={pending} onSubmit={(e) => (e.preventDefault(), navigate({ q }))}>
      <div className="field search">
        <label htmlFor="exercise-search">Search</label>
        <input
          ref={searchRef}
          id="exercise-search"
          type="search"
          name="q"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Name, step, cue or tag — press / to search"
          autoComplete="off"
        />
      </div>
      {selects.map((s) => (
        <div className="field" key={s.name}>
          <label htmlFor={`filter-${s.name}`}>{s.label}</label>
          <select
            id={`filter-${s.name}`}
            name={s.name}
            value={params.get(s.name) ?? ""}
            onChange={(e) => navigate({ [s.name]: e.target.value })}
          >
            <option value="">Any</option>
            {s.options.map((o) => (
              <option key={o} value={o}>
                {labelOf(o)}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div className="field">
        <label htmlFor="filter-status">Status</label>
        <select
          id="filter-status"
          name="status"
          value={params.get("status") ?? "active"}
          onChange={(e) => navigate({ status: e.target.value === "active" ? "" : e.target.value })}
        >
          <option value="active">Draft and published</option>
          <option value="published">Published</option>
          <option value="draft">Draft</option>
          <option value="archived">Archived</option>
          <option value="all">All</option>
        </select>
      </div>
      <noscript>
        <button className="button" type="submit">
          Search
        </button>
      </noscript>
    </form>
  );
}
