"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { idInput } from "@/lib/ids";
import { createShareLink, revokeShareLink } from "@/lib/share/links";
import { qrCodeDataUrl } from "@/lib/share/qr-code";
import { newShareLinkInput } from "@/lib/share/schemas";

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
  const created = { id: link.id, label: link.label, url: link.url, qrCode: await qrCodeDataUrl(link.url), expiresAt: link.expiresAt.toISOString() };
  return { created };
});

export const revokeShareLinkAction = authedAction(z.object({ routineId: idInput, linkId: idInput }), async ({ routineId, linkId }, user) => {
  await revokeShareLink(await getDb(), user, routineId, linkId);
  revalidatePath(`/admin/routines/${routineId}`);
});
