import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ExerciseFilters } from "@/components/exercises/exercise-filters";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { IllustrationThumb } from "@/components/illustrations/illustration-thumb";
import { imageUrl } from "@/lib/exercises/images";
import { exerciseQuery } from "@/lib/exercises/schemas";
import { searchExercises } from "@/lib/exercises/search";
import { labelOf } from "@/lib/exercises/vocabulary";

export const metadata: Metadata = { title: "Exercises" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ExercisesPage({ searchParams }: Props) {
  await requireUser();
  const raw = await searchParams;
  const query = exerciseQuery.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const result = await searchExercises(await getDb(), query);

  const linkTo = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...raw, ...changes })) if (v !== undefined && v !== "" && !Array.isArray(v)) next.set(k, String(v));
    return `?${next}`;
  };
  const exportHref = (format: string) => `/api/admin/exercises/export${linkTo({ page: undefined, format })}`;

  return (
    <div className="stack">
      <div className="page-head">
        <h1>Exercises</h1>
        <div className="toolbar">
          <Link className="button" href="/admin/exercises/new">
            New exercise
          </Link>
          <Link className="button secondary" href="/admin/exercises/import">
            Import
          </Link>
          <a className="button secondary" href={exportHref("json")} download>
            Export JSON
          </a>
          <a className="button secondary" href={exportHref("csv")} download>
            Export CSV
          </a>
        </div>
      </div>
      <Suspense>
        <ExerciseFilters />
      </Suspense>
      <div className="stack">
        <p className="muted" role="status" data-testid="result-count">
          {result.total === 1 ? "1 exercise" : `${result.total} exercises`}
          {query.q ? ` matching “${query.q}”` : ""}
        </p>
        {result.items.length === 0 ? (
          <EmptyState title="No exercises match">
            <p>Try fewer words or clear a filter.</p>
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-label="Exercise library">
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">Picture</span>
                  </th>
                  <th scope="col">Name</th>
                  <th scope="col">Category</th>
                  <th scope="col">Body regions</th>
                  <th scope="col">Equipment</th>
                  <th scope="col">Status</th>
                  <th scope="col">Last edited</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((e) => (
                  <tr key={e.id}>
                    <td>
                      {e.illustration && !(e.illustration.photoFirst && e.thumbnail) ? (
                        <IllustrationThumb illustration={e.illustration} />
                      ) : e.thumbnail ? (
                        // eslint-disable-next-line @next/next/no-img-element -- content-addressed, already cached forever
                        <img className="thumb" src={imageUrl(e.thumbnail)} alt={e.thumbnail.alt} width={56} height={56} loading="lazy" />
                      ) : (
                        <span className="thumb empty" aria-hidden="true">
                          —
                        </span>
                      )}
                    </td>
                    <td>
                      <Link className="row-link" href={`/admin/exercises/${e.id}`}>
                        {e.name}
                      </Link>
                      <br />
                      <span className="muted">{e.summary}</span>
                    </td>
                    <td>{labelOf(e.category)}</td>
                    <td>
                      {e.bodyRegions.map((r) => (
                        <span key={r} className="badge grey">
                          {labelOf(r)}
                        </span>
                      ))}
                    </td>
                    <td>{e.equipment.length ? e.equipment.map(labelOf).join(", ") : <span className="muted">None</span>}</td>
                    <td>
                      <span className={e.status === "published" ? "badge" : "badge warn"}>{labelOf(e.status)}</span>
                    </td>
                    <td>{dateFormat.format(e.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={result.page} pageCount={result.pageCount} hrefFor={(page) => linkTo({ page })} />
      </div>
    </div>
  );
}
