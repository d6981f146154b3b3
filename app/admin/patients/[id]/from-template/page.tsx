import { BackLink } from "@/components/ui/back-link";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseId } from "@/lib/ids";
import { getPatient } from "@/lib/patients/queries";
import { listTemplates } from "@/lib/routines/list-templates";
import { createRoutineAction } from "../../../routines/actions";

export const metadata: Metadata = { title: "New routine from template" };

type Props = { params: Promise<{ id: string }> };

/** One click per template: the patient's new routine, copied from it, opens in the builder. */
export default async function NewRoutineFromTemplatePage({ params }: Props) {
  const user = await requireUser();
  const id = parseId((await params).id) ?? notFound();
  const db = await getDb();
  const [patient, templates] = await Promise.all([
    getPatient(db, user, id).catch((error) => {
      if (error instanceof AppError && error.code === "not_found") notFound();
      throw error;
    }),
    listTemplates(db),
  ]);
  if (patient.archivedAt) notFound();

  return (
    <div className="stack">
      <BackLink href={`/admin/patients/${patient.id}`}>{patient.displayName}</BackLink>
      <h1>New routine for {patient.displayName}</h1>
      <p className="muted" style={{ margin: 0 }}>
        Choose a template: the routine opens in the builder, ready to adjust, print and share. Or{" "}
        <Link href={`/admin/routines/new?patient=${patient.id}`}>start a blank routine</Link>.
      </p>
      {templates.length === 0 ? (
        <EmptyState title="No templates yet">
          <p>Save a routine as a template from its page, then start routines from it here.</p>
        </EmptyState>
      ) : (
        <ul className="template-choices stack" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {templates.map((t) => (
            <li key={t.id} className="card" style={{ display: "flex", gap: "1rem", alignItems: "center", flexWrap: "wrap" }}>
              <div style={{ flex: "1 1 18rem" }}>
                <h2 style={{ margin: 0, fontSize: "1.1rem" }}>{t.title}</h2>
                <span className="muted">
                  {t.sections.map((s) => `${s.title} (${s.exercises === 1 ? "1 exercise" : `${s.exercises} exercises`})`).join(" · ") ||
                    "No sections yet"}
                </span>
              </div>
              <ActionForm action={createRoutineAction}>
                <input type="hidden" name="patientId" value={patient.id} />
                <input type="hidden" name="templateId" value={t.id} />
                <button className="button" type="submit" aria-label={`Use this template: ${t.title}`}>
                  Use this template
                </button>
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
