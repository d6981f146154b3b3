"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { idInput } from "@/lib/ids";
import { createShareLink, revokeShareLink } from "@/lib/share/links";
import { qrCodeDataUrl } from "@/lib/share/qr-code";
import { configuredMailer } from "@/lib/mail/mailer";
import { emailShareLink } from "@/lib/share/email-share-link";
import { shareLinkEmailInput } from "@/lib/share/email-schemas";
import { newShareLinkInput } from "@/lib/share/schemas";
import { showShareLink } from "@/lib/share/show-share-link";
import { conflictOf } from "@/lib/auth/action";
import { prerenderHandout } from "@/lib/handout/render-handout";
import type { RoutineConflict } from "@/lib/routines/mutations";
import { saveAndShareRoutine, savePrintShareInput } from "@/lib/routines/save-print-share";

/** The form's fields as the schema wants them: a blank expiry is the default, the date counts only for "custom". */
const shareLinkForm = z.preprocess((raw) => {
  const fields = (typeof raw === "object" && raw ? raw : {}) as Record<string, unknown>;
  const text = (key: string) => (typeof fields[key] === "string" ? (fields[key] as string) : "");
  return {
    routineId: text("routineId"),
    label: text("label"),
    expiry: text("expiry") || undefined,
    customDate: text("expiry") === "custom" ? text("customDate") || undefined : undefined,
  };
}, newShareLinkInput);

/** Creates a link; the answer carries its full address, the only time it is shown. */
export const createShareLinkAction = authedAction(shareLinkForm, async (input, user) => {
  const link = await createShareLink(await getDb(), user, input, env().appUrl);
  revalidatePath(`/admin/routines/${input.routineId}`);
  const created = {
    id: link.id,
    label: link.label,
    url: link.url,
    qrCode: await qrCodeDataUrl(link.url),
    expiresAt: link.expiresAt.toISOString(),
  };
  return { created };
});

const linkTarget = z.object({ routineId: idInput, linkId: idInput });

/** An active link's address again, with its QR code: for "Copy link" and "Show QR" (audited). */
export const showShareLinkAction = authedAction(linkTarget, async ({ routineId, linkId }, user) => {
  const link = await showShareLink(await getDb(), user, routineId, linkId, env().appUrl);
  return { url: link.url, qrCode: await qrCodeDataUrl(link.url) };
});

export const revokeShareLinkAction = authedAction(linkTarget, async ({ routineId, linkId }, user) => {
  await revokeShareLink(await getDb(), user, routineId, linkId);
  revalidatePath(`/admin/routines/${routineId}`);
});

/** "Email the link": the clinician's subject and note, and the link, to the patient's address on file. */
export const emailShareLinkAction = authedAction(shareLinkEmailInput, async (input, user) => {
  const { to } = await emailShareLink(await getDb(), user, input, { mailer: configuredMailer(), appUrl: env().appUrl });
  return { sent: { to, at: new Date().toISOString() } };
});

/**
 * "Save, print and share": saves what is on screen (content null: nothing unsaved), then reuses the active
 * link or makes one, and answers with the link to show; the browser then downloads the handout.
 */
export const savePrintShareAction = authedAction(
  savePrintShareInput,
  async (input, user) => {
    const db = await getDb();
    const { saved, link } = await saveAndShareRoutine(db, user, input, env().appUrl);
    revalidatePath(`/admin/routines/${input.routineId}`);
    if (saved) void prerenderHandout(db, input.routineId);
    return {
      saved,
      link: {
        id: link.id,
        label: link.label,
        url: link.url,
        qrCode: await qrCodeDataUrl(link.url),
        expiresAt: link.expiresAt.toISOString(),
        reused: link.reused,
      },
    };
  },
  { conflict: conflictOf<RoutineConflict>() },
);
