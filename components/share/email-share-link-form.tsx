"use client";
import { Field } from "@/components/ui/field";
import { FormNotice } from "@/components/ui/form-notice";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/errors";

export type EmailShareLinkResult = ActionResult<{ sent: { to: string; at: string } }>;
/** emailShareLinkAction, passed in by the page. */
export type EmailShareLink = (previous: EmailShareLinkResult | null, formData: FormData) => Promise<EmailShareLinkResult>;

type Props = {
  routineId: number;
  link: { id: number; label: string };
  /** The patient's address, shown so the clinician sees where it goes. */
  to: string;
  defaults: { subject: string; message: string };
  /** Null when email is configured; else the sentence saying how to set it up. */
  notConfigured: string | null;
  sendEmail: EmailShareLink;
};

/** The email with the link: subject and note editable, the link and the clinic's name added by the server. */
export function EmailShareLinkForm({ routineId, link, to, defaults, notConfigured, sendEmail }: Props) {
  const { state, pending, formProps } = useFormAction<EmailShareLinkResult | null>(sendEmail, null);
  const refused = state && !state.ok ? state : undefined;
  const sent = state?.ok ? state.sent : undefined;
  const errors = refused?.fieldErrors ?? {};
  if (notConfigured) {
    return (
      <p className="notice error" role="alert" data-testid="email-not-configured">
        {notConfigured}
      </p>
    );
  }
  const messageErrors = errors.message;
  return (
    <form className="form stack email-link-form" aria-label={`Email the link “${link.label}”`} {...formProps}>
      <FormNotice error={refused?.error} success={sent ? `Email sent to ${sent.to}.` : undefined} />
      <input type="hidden" name="routineId" value={routineId} />
      <input type="hidden" name="linkId" value={link.id} />
      <p className="muted">
        To {to}. The link and the clinic&apos;s name are added below your message; nothing about their condition is sent.
      </p>
      <Field
        label="Subject"
        name="subject"
        id={`email-subject-${link.id}`}
        required
        maxLength={120}
        defaultValue={refused?.values?.subject ?? defaults.subject}
        errors={errors.subject}
      />
      <div className="field">
        <label htmlFor={`email-message-${link.id}`}>Message</label>
        <textarea
          id={`email-message-${link.id}`}
          name="message"
          rows={5}
          maxLength={1000}
          required
          defaultValue={refused?.values?.message ?? defaults.message}
          aria-invalid={messageErrors?.length ? true : undefined}
          aria-describedby={messageErrors?.length ? `email-message-${link.id}-error` : undefined}
        />
        {messageErrors?.length ? (
          <p className="error" id={`email-message-${link.id}-error`}>
            {messageErrors.join(" ")}
          </p>
        ) : null}
      </div>
      <div>
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send email"}
        </button>
      </div>
    </form>
  );
}
