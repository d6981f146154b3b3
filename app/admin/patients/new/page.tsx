import type { Metadata } from "next";
import { BackLink } from "@/components/ui/back-link";
import { PatientForm } from "@/components/patients/patient-form";
import { requireUser } from "@/lib/auth/session";
import { createPatientAction } from "../actions";

export const metadata: Metadata = { title: "New patient" };

export default async function NewPatientPage() {
  await requireUser();
  return (
    <div className="stack">
      <BackLink href="/admin/patients">Patients</BackLink>
      <h1>New patient</h1>
      <p className="muted">Only the display name is needed. Routines can be built for the patient once they are saved.</p>
      <section className="card">
        <PatientForm action={createPatientAction} />
      </section>
    </div>
  );
}
