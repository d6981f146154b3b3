import type { Metadata } from "next";
import Link from "next/link";
import { routineColumns } from "@/components/routines/routine-columns";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listPatientRoutinesAll } from "@/lib/routines/queries";

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
      <DataTable
        label="Routines"
        rows={routines}
        empty={
          <EmptyState title="No routines yet">
            <p>Start one for a patient, blank or from a template.</p>
          </EmptyState>
        }
        columns={[
          routineColumns.title("Routine"),
          { header: "Patient", cell: (r) => <Link href={`/admin/patients/${r.patientId}`}>{r.patientName}</Link> },
          routineColumns.reviewDate("Review"),
          routineColumns.lastChange("Last change"),
        ]}
      />
    </div>
  );
}
