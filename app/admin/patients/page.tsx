import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, RowLink } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHead } from "@/components/ui/page-head";
import { Pager } from "@/components/ui/pager";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listPatients } from "@/lib/patients/queries";
import { patientQuery } from "@/lib/patients/schemas";
import { formatInstant } from "@/lib/dates/format";
import { readSearchParams, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Patients" };

type Props = { searchParams: Promise<SearchParams> };

const viewLinks = [
  { view: "mine", label: "My patients" },
  { view: "all", label: "All patients" },
] as const;

export default async function PatientsPage({ searchParams }: Props) {
  const user = await requireUser();
  const { query, linkTo } = await readSearchParams(searchParams, patientQuery);
  const result = await listPatients(await getDb(), user, query);
  const filtered = query.q !== "" || query.archived;

  return (
    <div className="stack">
      <PageHead title="Patients" create={{ href: "/admin/patients/new", label: "New patient" }} />
      <nav className="toolbar" aria-label="Whose patients">
        {viewLinks.map(({ view, label }) => (
          <Link
            key={view}
            className={query.view === view ? "button" : "button secondary"}
            aria-current={query.view === view ? "page" : undefined}
            href={linkTo({ view, page: undefined })}
          >
            {label}
          </Link>
        ))}
      </nav>
      {/* A plain GET form: the search lives in the URL, so it can be bookmarked and works without JavaScript. */}
      <form className="toolbar" role="search" method="get" action="/admin/patients">
        <div className="field" style={{ flex: "1 1 16rem" }}>
          <label htmlFor="patient-search">Search patients</label>
          <input id="patient-search" name="q" type="search" defaultValue={query.q} placeholder="Name or external reference" />
        </div>
        <input type="hidden" name="view" value={query.view} />
        <label style={{ display: "inline-flex", gap: "0.35rem", alignItems: "center", alignSelf: "end", paddingBottom: "0.6rem" }}>
          <input type="checkbox" name="archived" value="1" defaultChecked={query.archived} />
          Show archived patients
        </label>
        <button className="button secondary" type="submit" style={{ alignSelf: "end" }}>
          Search
        </button>
      </form>
      <p className="muted" data-testid="result-count">
        {result.total === 1 ? "1 patient" : `${result.total} patients`}
        {query.view === "mine" ? " assigned to you" : ""}
        {query.q ? ` matching “${query.q}”` : ""}
        {query.archived ? ", archived included" : ""}
      </p>
      <DataTable
        label="Patients"
        rows={result.items}
        empty={
          filtered ? (
            <EmptyState title="No patients match">
              <p>Try part of the name or the reference, or include archived patients.</p>
            </EmptyState>
          ) : (
            <EmptyState title="No patients yet">
              <p>Add a patient to start building routines for them.</p>
            </EmptyState>
          )
        }
        columns={[
          {
            header: "Display name",
            cell: (p) => (
              <>
                <span id={`patient-${p.id}-name`}>
                  <RowLink href={`/admin/patients/${p.id}`}>{p.displayName}</RowLink>
                </span>{" "}
                {p.archivedAt && <span className="badge grey">Archived</span>}
              </>
            ),
          },
          { header: "External reference", cell: (p) => p.externalRef ?? <span className="muted">—</span> },
          { header: "Last change", cell: (p) => formatInstant(p.updatedAt, "date") },
          {
            header: "Actions",
            hideHeader: true,
            cell: (p) =>
              !p.archivedAt && (
                <Link
                  className="button secondary small"
                  href={`/admin/patients/${p.id}/from-template`}
                  aria-describedby={`patient-${p.id}-name`}
                >
                  New routine from template
                </Link>
              ),
          },
        ]}
      />
      <Pager page={result.page} pageCount={result.pageCount} hrefFor={(page) => linkTo({ page })} />
    </div>
  );
}
