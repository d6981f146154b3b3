import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Routines" };

export default async function RoutinesPage() {
  await requireUser();
  return (
    <div className="stack">
      <h1>Routines</h1>
      <EmptyState title="No routines yet">
        <p>Routines are built for a patient, starting from scratch or from a template.</p>
      </EmptyState>
    </div>
  );
}
