"use client";
import { useState } from "react";
import { createShareLinkAction, type CreateShareLinkState } from "@/app/admin/routines/[id]/share-actions";
import { Field } from "@/components/ui/field";
import { FormNotice } from "@/components/ui/form-notice";
import { useFormAction } from "@/components/ui/use-form-action";
import { useHydrated } from "@/components/ui/use-hydrated";
import { defaultExpiry, expiryChoices } from "@/lib/share/schemas";
import { NewLinkReveal } from "./new-link-reveal";

/** Creates a link; the result shows the full address once, with a copy button and a QR code. */
export function CreateShareLinkForm({ routineId }: { routineId: number }) {
  const { state, pending, formProps } = useFormAction<CreateShareLinkState>(createShareLinkAction, {});
  const hydrated = useHydrated();
  const [expiry, setExpiry] = useState(state.values?.expiry || defaultExpiry);
  const errors = state.fieldErrors ?? {};
  // Without JavaScript the date field is always there (the select cannot reveal it); with it, only for "Until a date".
  const showDate = !hydrated || expiry === "custom";

  return (
    <div className="stack">
      {state.created && <NewLinkReveal key={state.created.id} link={state.created} />}
      {/* key: a created link starts the next one from an empty form */}
      <form key={state.created?.id ?? "new"} className="form share-form" {...formProps}>
        <FormNotice error={state.error} />
        <input type="hidden" name="routineId" value={routineId} />
        <div className="share-form-row">
          <Field label="Label" name="label" hint="Where the link goes, e.g. “phone” or “printed sheet”." required maxLength={60} defaultValue={state.values?.label ?? ""} errors={errors.label} autoComplete="off" />
          <div className="field">
            <label htmlFor="field-expiry">Works for</label>
            <select id="field-expiry" name="expiry" value={expiry} onChange={(e) => setExpiry(e.target.value)}>
              {expiryChoices.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
          {showDate && (
            <Field label="Last day" name="customDate" type="date" hint={hydrated ? "Up to a year from today." : "Only for “Until a date…”; up to a year."} defaultValue={state.values?.customDate ?? ""} errors={errors.customDate} />
          )}
        </div>
        <div>
          <button className="button" type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create link"}
          </button>
        </div>
      </form>
    </div>
  );
}
