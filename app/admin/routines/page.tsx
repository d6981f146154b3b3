import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, RowLink } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listPatientRoutinesAll } from "@/lib/routines/queries";
import { formatDay, formatInstant } from "@/lib/dates/format";

export const metadata: Metadata = { title: "Routines" };

export default async function RoutinesPage() {
  const user = await requireUser();
  const routines = await listPatientRoutinesAll(await getDb(), user);
  return (
    <div className="stack">
      <div className="page-head">
        <h1>Routines</h1>
        <Link className="button" href="/admin/routines/new">
          New routine
        </Link>
      </div>
      {routines.length === 0 ? (
        <EmptyState title="No routines yet">
          <p>Start one for a patient, blank or from a template.</p>
        </EmptyState>
      ) : (
        <DataTable
          label="Routines"
          rows={routines}
          rowKey={(r) => r.id}
          columns={[
            { header: "Routine", cell: (r) => <RowLink href={`/admin/routines/${r.id}`}>{r.title}</RowLink> },
            { header: "Patient", cell: (r) => <Link href={`/admin/patients/${r.patientId}`}>{r.patientName}</Link> },
            { header: "Review", cell: (r) => (r.reviewDate ? formatDay(r.reviewDate, "date") : <span className="muted">—</span>) },
            { header: "Last change", cell: (r) => formatInstant(r.updatedAt, "date") },
          ]}
        />
      )}
    </div>
  );
}
