import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listPatientRoutinesAll } from "@/lib/routines/queries";
import { formatInstant } from "@/lib/dates/format";

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
        <div className="table-wrap">
          <table className="table" aria-label="Routines">
            <thead>
              <tr>
                <th scope="col">Routine</th>
                <th scope="col">Patient</th>
                <th scope="col">Review</th>
                <th scope="col">Last change</th>
              </tr>
            </thead>
            <tbody>
              {routines.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link className="row-link" href={`/admin/routines/${r.id}`}>
                      {r.title}
                    </Link>
                  </td>
                  <td>
                    <Link href={`/admin/patients/${r.patientId}`}>{r.patientName}</Link>
                  </td>
                  <td>{r.reviewDate ?? <span className="muted">—</span>}</td>
                  <td>{formatInstant(r.updatedAt, "date")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
