import { BackLink } from "@/components/ui/back-link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseId } from "@/lib/ids";
import { getRoutine, listPatientChoices } from "@/lib/routines/queries";
import { copyRoutineAction } from "../../actions";

export const metadata: Metadata = { title: "Copy routine" };

type Props = { params: Promise<{ id: string }> };

/** Copy a patient's routine to another patient: only the patients this clinician may see are offered. */
export default async function CopyRoutinePage({ params }: Props) {
  const user = await requireUser();
  const id = parseId((await params).id) ?? notFound();
  const db = await getDb();
  const [routine, patients] = await Promise.all([
    getRoutine(db, user, id).catch((error) => {
      if (error instanceof AppError && error.code === "not_found") notFound();
      throw error;
    }),
    listPatientChoices(db, user),
  ]);
  if (routine.isTemplate) notFound();
  const others = patients.filter((p) => p.id !== routine.patient?.id);

  return (
    <div className="stack">
      <BackLink href={`/admin/routines/${routine.id}`}>{routine.content.title}</BackLink>
      <h1>Copy to another patient</h1>
      <p className="muted" style={{ margin: 0 }}>
        The other patient gets a routine of their own with the same exercises, doses and instructions, starting at revision 1. Start and
        review dates, links and history stay with {routine.patient?.displayName ?? "this patient"}.
      </p>
      <ActionForm action={copyRoutineAction} className="card form" style={{ maxWidth: "36rem" }}>
        <input type="hidden" name="routineId" value={routine.id} />
        <div className="field">
          <label htmlFor="copy-patient">Patient</label>
          <select id="copy-patient" name="patientId" defaultValue="" required>
            <option value="" disabled>
              Choose a patient
            </option>
            {others.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
                {p.externalRef ? ` (${p.externalRef})` : ""}
              </option>
            ))}
          </select>
          {others.length === 0 && <span className="hint">There is no other patient you can see yet.</span>}
        </div>
        <div>
          <button className="button" type="submit">
            Copy routine
          </button>
        </div>
      </ActionForm>
    </div>
  );
}
