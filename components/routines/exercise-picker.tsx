"use client";
import { IllustrationThumb } from "@/components/illustrations/illustration-thumb";
import { useEffect, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/errors";
import { bodyRegions, equipmentKinds, exerciseCategories, labelOf } from "@/lib/exercises/vocabulary";
import type { ExerciseCard } from "@/lib/routines/queries";

const pickerFilters = [
  { name: "category", label: "Category", options: exerciseCategories },
  { name: "region", label: "Body region", options: bodyRegions },
  { name: "equipment", label: "Equipment", options: equipmentKinds },
] as const;

/** correctedQuery: the spelling searched instead when the typed words found nothing ("Did you mean"). */
type PickerResult = { total: number; cards: ExerciseCard[]; correctedQuery: string | null };
/** searchPickerAction, passed in by the page through the builder. */
export type SearchPicker = (query: Record<string, string>) => Promise<ActionResult<PickerResult>>;

type Props = {
  sections: { uid: string; title: string }[];
  /** The section being worked on in the builder; the Add buttons say its name. */
  target: string;
  onTargetChange: (sectionUid: string) => void;
  onAdd: (exercise: ExerciseCard, sectionUid: string) => void;
  search: SearchPicker;
};

const nothingFound: PickerResult = { total: 0, cards: [], correctedQuery: null };

/** The library's search beside the routine: published exercises, added with one click or Enter. */
export function ExercisePicker({ sections, target, onTargetChange, onAdd, search }: Props) {
  const [q, setQ] = useState("");
  const [filters, setFilters] = useState({ category: "", region: "", equipment: "" });
  const [result, setResult] = useState<PickerResult>(nothingFound);
  const [searching, startSearch] = useTransition();
  const section = sections.find((s) => s.uid === target) ?? sections[0];
  const sectionTitle = section?.title.trim() || "Untitled section";
  const activeFilters = Object.values(filters).filter(Boolean).length;

  useEffect(() => {
    const query = { q, ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) };
    const timer = setTimeout(
      () =>
        startSearch(async () => {
          const found = await search(query);
          setResult(found.ok ? found : nothingFound);
        }),
      150,
    );
    return () => clearTimeout(timer);
  }, [q, filters, search]);

  return (
    <aside className="card picker stack" aria-labelledby="picker-heading">
      <h2 id="picker-heading">Add exercises</h2>
      <div className="field">
        <label htmlFor="picker-search">Find an exercise</label>
        <input
          id="picker-search"
          type="search"
          value={q}
          autoComplete="off"
          placeholder="Name, step or tag — Enter adds the first"
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== "Enter") return;
            e.preventDefault();
            const first = result.cards[0];
            if (first && section) onAdd(first, section.uid);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="picker-target">Add to</label>
        <select id="picker-target" value={section?.uid ?? ""} onChange={(e) => onTargetChange(e.target.value)}>
          {sections.map((s) => (
            <option key={s.uid} value={s.uid}>
              {s.title || "Untitled section"}
            </option>
          ))}
        </select>
      </div>
      <details className="picker-filters">
        <summary>Filters{activeFilters > 0 ? ` (${activeFilters} on)` : ""}</summary>
        <div className="picker-filter-grid">
          {pickerFilters.map((f) => (
            <div className="field" key={f.name}>
              <label htmlFor={`picker-${f.name}`}>{f.label}</label>
              <select
                id={`picker-${f.name}`}
                value={filters[f.name]}
                onChange={(e) => setFilters((all) => ({ ...all, [f.name]: e.target.value }))}
              >
                <option value="">Any</option>
                {f.options.map((o) => (
                  <option key={o} value={o}>
                    {labelOf(o)}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
      </details>
      <p className="muted" aria-live="polite" style={{ margin: 0 }}>
        {!searching && result.correctedQuery && (
          <>
            Nothing matches “{q}”. Did you mean{" "}
            <button type="button" className="button link" onClick={() => setQ(result.correctedQuery ?? "")}>
              {result.correctedQuery}
            </button>
            ?{" "}
          </>
        )}
        {searching ? "Searching…" : `${result.total} published exercise${result.total === 1 ? "" : "s"}`}
      </p>
      <ul className="picker-results" aria-label="Search results">
        {result.cards.map((card) => (
          <li key={card.id}>
            {card.illustration && <IllustrationThumb illustration={card.illustration} />}
            <span className="picker-name">{card.name}</span>
            {/* Named in full for screen readers ("Add Wall Angels to Mobility"); seen as "Add to Mobility". */}
            <button type="button" className="button secondary small picker-add" onClick={() => section && onAdd(card, section.uid)}>
              Add<span className="visually-hidden"> {card.name}</span> to {sectionTitle}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
