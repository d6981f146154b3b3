"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { failure, invalid, type FieldErrors } from "@/lib/errors";
import { createShareLink, revokeShareLink } from "@/lib/share/links";
import { qrCodeDataUrl } from "@/lib/share/qr-code";
import { configuredMailer } from "@/lib/mail/mailer";
import { emailShareLink } from "@/lib/share/email-share-link";
import { shareLinkEmailInput } from "@/lib/share/email-schemas";
import { newShareLinkInput } from "@/lib/share/schemas";
import { showShareLink } from "@/lib/share/show-share-link";

export type CreateShareLinkState = {
  error?: string;
  fieldErrors?: FieldErrors;
  /** What was sent, to refill the form after an error (also without JavaScript). */
  values?: { label: string; expiry: string; customDate: string };
  /** The new link: the only time its full address is shown. */
  created?: { id: number; label: string; url: string; qrCode: string; expiresAt: string };
};

export async function createShareLinkAction(_previous: CreateShareLinkState, formData: FormData): Promise<CreateShareLinkState> {
  const user = await requireUser();
  const text = (key: string) => (typeof formData.get(key) === "string" ? (formData.get(key) as string) : "");
  const values = { label: text("label"), expiry: text("expiry"), customDate: text("customDate") };
  const parsed = newShareLinkInput.safeParse({
    routineId: text("routineId"),
    label: values.label,
    expiry: values.expiry || undefined,
    customDate: values.expiry === "custom" ? values.customDate || undefined : undefined,
  });
  if (!parsed.success) return { ...invalid(parsed.error), values };
  try {
    const link = await createShareLink(await getDb(), user, parsed.data, env().appUrl);
    revalidatePath(`/admin/routines/${parsed.data.routineId}`);
    return { created: { id: link.id, label: link.label, url: link.url, qrCode: await qrCodeDataUrl(link.url), expiresAt: link.expiresAt.toISOString() } };
  } catch (error) {
    return { ...failure(error), values };
  }
}

const revokeInput = z.object({ routineId: z.coerce.number().int().positive(), linkId: z.coerce.number().int().positive() });

export type ShowShareLinkResult = { ok: true; url: string; qrCode: string } | { ok: false; error: string };

/** An active link's address again, with its QR code: for "Copy link" and "Show QR" (audited). */
export async function showShareLinkAction(input: unknown): Promise<ShowShareLinkResult> {
  const user = await requireUser();
  const parsed = revokeInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "That link does not exist." };
  try {
    const link = await showShareLink(await getDb(), user, parsed.data.routineId, parsed.data.linkId, env().appUrl);
    return { ok: true, url: link.url, qrCode: await qrCodeDataUrl(link.url) };
  } catch (error) {
    return failure(error);
  }
}

export async function revokeShareLinkAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = revokeInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return;
  try {
    await revokeShareLink(await getDb(), user, parsed.data.routineId, parsed.data.linkId);
  } catch (error) {
    failure(error); // a link already gone needs no revoking; anything else is a bug and propagates
  }
  revalidatePath(`/admin/routines/${parsed.data.routineId}`);
}

export type EmailShareLinkState = {
  error?: string;
  fieldErrors?: FieldErrors;
  /** What was typed, kept after an error. */
  values?: { subject: string; message: string };
  sent?: { to: string; at: string };
};

/** "Email the link": the clinician's subject and note, and the link, to the patient's address on file. */
export async function emailShareLinkAction(_previous: EmailShareLinkState, formData: FormData): Promise<EmailShareLinkState> {
  const user = await requireUser();
  const text = (key: string) => (typeof formData.get(key) === "string" ? (formData.get(key) as string) : "");
  const values = { subject: text("subject"), message: text("message") };
  const parsed = shareLinkEmailInput.safeParse({ routineId: text("routineId"), linkId: text("linkId"), ...values });
  if (!parsed.success) return { ...invalid(parsed.error), values };
  try {
    const { appUrl, clinicName } = env();
    const { to } = await emailShareLink(await getDb(), user, parsed.data, { mailer: configuredMailer(), appUrl, clinicName });
    return { sent: { to, at: new Date().toISOString() }, values };
  } catch (error) {
    return { ...failure(error), values };
  }
}
