"use client";
import { startTransition, useState, type FormEvent } from "react";
import { hasUnsavedWork, saveWhatIsOnScreen } from "@/components/routines/on-screen-save";
import { Field } from "@/components/ui/field";
import { FormNotice } from "@/components/ui/form-notice";
import { useFormAction } from "@/components/ui/use-form-action";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionResult } from "@/lib/errors";
import { defaultExpiry, expiryChoices } from "@/lib/share/schemas";
import { NewLinkReveal } from "./new-link-reveal";

/** The new link: the only time its full address is shown. */
export type CreatedShareLink = { id: number; label: string; url: string; qrCode: string; expiresAt: string };
export type CreateShareLinkResult = ActionResult<{ created: CreatedShareLink }>;
export type CreateShareLink = (previous: CreateShareLinkResult | null, formData: FormData) => Promise<CreateShareLinkResult>;

/** Creates a link (createShareLinkAction, passed in by the page); the result shows the full address once, with a copy button and a QR code. */
export function CreateShareLinkForm({
  routineId,
  createShareLink,
  defaultExpiry: clinicDefault = defaultExpiry,
}: {
  routineId: number;
  createShareLink: CreateShareLink;
  defaultExpiry?: string;
}) {
  const { state, pending, formProps } = useFormAction<CreateShareLinkResult | null>(createShareLink, null);
  const hydrated = useHydrated();
  const refused = state && !state.ok ? state : undefined;
  const created = state?.ok ? state.created : undefined;
  const [expiry, setExpiry] = useState(refused?.values?.expiry || clinicDefault);
  const errors = refused?.fieldErrors ?? {};
  // Without JavaScript the date field is always there (the select cannot reveal it); with it, only for "Until a date".
  const showDate = !hydrated || expiry === "custom";
  // The patient sees the newest saved revision: unsaved changes in the builder are saved before the link is made.
  const [savingFirst, setSavingFirst] = useState(false);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    if (!hasUnsavedWork(routineId)) return formProps.onSubmit(event);
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setSavingFirst(true);
    const saved = await saveWhatIsOnScreen(routineId);
    setSavingFirst(false);
    if (saved) startTransition(() => formProps.action(data));
  };

  return (
    <div className="stack">
      {created && <NewLinkReveal key={created.id} link={created} />}
      {/* key: a created link starts the next one from an empty form */}
      <form key={created?.id ?? "new"} className="form share-form" action={formProps.action} onSubmit={onSubmit}>
        <FormNotice error={refused?.error} />
        <input type="hidden" name="routineId" value={routineId} />
        <div className="share-form-row">
          <Field
            label="Label"
            name="label"
            hint="Where the link goes, e.g. “phone” or “printed sheet”."
            required
            maxLength={60}
            defaultValue={refused?.values?.label ?? ""}
            errors={errors.label}
            autoComplete="off"
          />
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
            <Field
              label="Last day"
              name="customDate"
              type="date"
              hint={hydrated ? "Up to a year from today." : "Only for “Until a date…”; up to a year."}
              defaultValue={refused?.values?.customDate ?? ""}
              errors={errors.customDate}
            />
          )}
        </div>
        <div>
          <button className="button" type="submit" disabled={pending || savingFirst}>
            {savingFirst ? "Saving the routine…" : pending ? "Creating…" : "Create link"}
          </button>
        </div>
      </form>
    </div>
  );
}
