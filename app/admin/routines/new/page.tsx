import type { Metadata } from "next";
import Link from "next/link";
import { BackLink } from "@/components/ui/back-link";
import { ActionForm } from "@/components/ui/action-form";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listTemplates } from "@/lib/routines/list-templates";
import { listPatientChoices } from "@/lib/routines/queries";
import { createRoutineAction } from "../actions";

export const metadata: Metadata = { title: "New routine" };

type Props = { searchParams: Promise<{ patient?: string; template?: string }> };

/** Start a routine: for which patient, from which template (or blank). */
export default async function NewRoutinePage({ searchParams }: Props) {
  const user = await requireUser();
  const { patient, template } = await searchParams;
  const db = await getDb();
  const [templates, patients] = await Promise.all([listTemplates(db), listPatientChoices(db, user)]);

  return (
    <div className="stack">
      <BackLink href="/admin/routines">Routines</BackLink>
      <h1>New routine</h1>
      <ActionForm action={createRoutineAction} className="card form" style={{ maxWidth: "36rem" }}>
        <div className="field">
          <label htmlFor="new-patient">Patient</label>
          <select id="new-patient" name="patientId" defaultValue={patient ?? ""} required>
            <option value="" disabled>
              Choose a patient
            </option>
            {patients.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
                {p.externalRef ? ` (${p.externalRef})` : ""}
              </option>
            ))}
          </select>
          {patients.length === 0 && (
            <span className="hint">
              No patients yet: <Link href="/admin/patients/new">add one first</Link>.
            </span>
          )}
        </div>
        <fieldset className="checks" style={{ display: "grid", gap: "0.4rem" }}>
          <legend>Start from</legend>
          <label>
            <input type="radio" name="templateId" value="" defaultChecked={!template} /> A blank routine
          </label>
          {templates.map((t) => (
            <label key={t.id}>
              <input type="radio" name="templateId" value={t.id} defaultChecked={template === String(t.id)} /> Template: {t.title}
            </label>
          ))}
        </fieldset>
        <div>
          <button className="button" type="submit">
            Create routine
          </button>
        </div>
      </ActionForm>
    </div>
  );
}
