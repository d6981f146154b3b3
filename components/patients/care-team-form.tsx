import type { ActionResult } from "@/lib/errors";
import { ActionForm } from "@/components/ui/action-form";

type Props<R extends ActionResult<object, unknown>> = {
  /** The patient-care action, passed in by the page (components never import from app/). */
  action: (previous: R | null, formData: FormData) => Promise<R>;
  patientId: number;
  change: "assign" | "share";
  /** The select's id, its label and the button's text. */
  id: string;
  label: string;
  submit: string;
  people: readonly { id: number; name: string }[];
  /** Who is selected at first (the current clinician), if anyone. */
  chosen?: number | null;
};

/** One care-team change (assign the patient, or share them) as a colleague picker and a button. */
export function CareTeamForm<R extends ActionResult<object, unknown>>({
  action,
  patientId,
  change,
  id,
  label,
  submit,
  people,
  chosen,
}: Props<R>) {
  return (
    <ActionForm className="toolbar" action={action} style={{ alignItems: "end" }}>
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="change" value={change} />
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <select id={id} name="userId" defaultValue={chosen ?? undefined}>
          {people.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <button className="button secondary" type="submit">
        {submit}
      </button>
    </ActionForm>
  );
}
