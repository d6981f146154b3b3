import { z } from "zod";
import { idInput } from "@/lib/ids";

/** What the clinician may edit before "Email the link": the subject and a short note. The link is added by the server. */
export const shareLinkEmailInput = z.object({
  routineId: idInput,
  linkId: idInput,
  subject: z.string().trim().min(1, "Write a subject.").max(120, "Keep the subject under 120 characters."),
  message: z.string().trim().min(1, "Write a short message.").max(1000, "Keep the message under 1,000 characters."),
});
export type ShareLinkEmailInput = z.infer<typeof shareLinkEmailInput>;

/** The email as first offered: the clinic's name and the patient's display name, nothing clinical. */
export function defaultShareLinkEmail(clinicName: string, displayName: string): { subject: string; message: string } {
  return {
    subject: `Your exercises from ${clinicName}`,
    message: `Hello ${displayName},\n\nHere is the link to your exercises. Open it on your phone to see them, with pictures, and tick them off as you go. No account or app is needed.`,
  };
}

/** What the links panel needs to offer "Email the link": where it goes, the first draft, or why email is off. */
export type ShareLinkEmailSetup = { to: string; defaults: { subject: string; message: string }; notConfigured: string | null };

/** Emails one link may get, and one clinician may send, in an hour: enough to resend, too few to spam. */
export const shareEmailPolicy = { windowMs: 60 * 60_000, perRoutine: 5, perClinician: 30 } as const;
