import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { DataTable, RowLink } from "@/components/ui/data-table";
import { ExerciseFilters } from "@/components/exercises/exercise-filters";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHead } from "@/components/ui/page-head";
import { Pager } from "@/components/ui/pager";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { IllustrationThumb } from "@/components/illustrations/illustration-thumb";
import { imageUrl } from "@/lib/exercises/images";
import { exerciseQuery } from "@/lib/exercises/schemas";
import { searchExercises } from "@/lib/exercises/search";
import { labelOf } from "@/lib/exercises/vocabulary";
import { formatInstant } from "@/lib/dates/format";
import { readSearchParams, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Exercises" };

type Props = { searchParams: Promise<SearchParams> };

export default async function ExercisesPage({ searchParams }: Props) {
  await requireUser();
  const { query, linkTo } = await readSearchParams(searchParams, exerciseQuery);
  const result = await searchExercises(await getDb(), query);
  const exportHref = (format: string) => `/api/admin/exercises/export${linkTo({ page: undefined, format })}`;

  return (
    <div className="stack">
      <PageHead title="Exercises" create={{ href: "/admin/exercises/new", label: "New exercise" }}>
        <Link className="button secondary" href="/admin/exercises/import">
          Import
        </Link>
        <a className="button secondary" href={exportHref("json")} download>
          Export JSON
        </a>
        <a className="button secondary" href={exportHref("csv")} download>
          Export CSV
        </a>
      </PageHead>
      <Suspense>
        <ExerciseFilters />
      </Suspense>
      <div className="stack">
        {result.correctedQuery !== null ? (
          <p className="notice info" role="status" data-testid="did-you-mean">
            Nothing matches “{query.q}”. Did you mean{" "}
            <Link href={linkTo({ q: result.correctedQuery, page: undefined })}>{result.correctedQuery}</Link>? Showing its{" "}
            {result.total === 1 ? "1 exercise" : `${result.total} exercises`}.
          </p>
        ) : (
          <p className="muted" role="status" data-testid="result-count">
            {result.total === 1 ? "1 exercise" : `${result.total} exercises`}
            {query.q ? ` matching “${query.q}”` : ""}
          </p>
        )}
        <DataTable
          label="Exercise library"
          rows={result.items}
          empty={
            <EmptyState title="No exercises match">
              <p>Try fewer words or clear a filter.</p>
            </EmptyState>
          }
          columns={[
            {
              header: "Picture",
              hideHeader: true,
              cell: (e) =>
                e.illustration && !(e.illustration.photoFirst && e.thumbnail) ? (
                  <IllustrationThumb illustration={e.illustration} />
                ) : e.thumbnail ? (
                  // eslint-disable-next-line @next/next/no-img-element -- content-addressed, already cached forever
                  <img className="thumb" src={imageUrl(e.thumbnail)} alt={e.thumbnail.alt} width={56} height={56} loading="lazy" />
                ) : (
                  <span className="thumb empty" aria-hidden="true">
                    —
                  </span>
                ),
            },
            {
              header: "Name",
              cell: (e) => (
                <>
                  <RowLink href={`/admin/exercises/${e.id}`}>{e.name}</RowLink>
                  <br />
                  <span className="muted">{e.summary}</span>
                </>
              ),
            },
            { header: "Category", cell: (e) => labelOf(e.category) },
            {
              header: "Body regions",
              cell: (e) =>
                e.bodyRegions.map((r) => (
                  <span key={r} className="badge grey">
                    {labelOf(r)}
                  </span>
                )),
            },
            {
              header: "Equipment",
              cell: (e) => (e.equipment.length ? e.equipment.map(labelOf).join(", ") : <span className="muted">None</span>),
            },
            {
              header: "Status",
              cell: (e) => <span className={e.status === "published" ? "badge" : "badge warn"}>{labelOf(e.status)}</span>,
            },
            { header: "Last edited", cell: (e) => formatInstant(e.updatedAt, "date") },
          ]}
        />
        <Pager page={result.page} pageCount={result.pageCount} hrefFor={(page) => linkTo({ page })} />
      </div>
    </div>
  );
}
