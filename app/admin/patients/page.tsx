import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Patients" };

export default async function PatientsPage() {
  await requireUser();
  return (
    <div className="stack">
      <h1>Patients</h1>
      <EmptyState title="No patients yet">
        <p>Patient records and their routines arrive with the routine builder.</p>
      </EmptyState>
    </div>
  );
}
