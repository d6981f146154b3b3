"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction, conflictOf } from "@/lib/auth/action";
import { clinicSettingsInput } from "@/lib/clinic/schemas";
import { saveClinicSettings, setClinicLogo, type ClinicSettingsConflict } from "@/lib/clinic/settings";
import { getDb } from "@/lib/db";

/** The clinic's name, contact, default paper and link lifetime, and the pain alert threshold (admins only). */
export const saveClinicSettingsAction = authedAction(
  clinicSettingsInput,
  async (input, user) => {
    const { version } = await saveClinicSettings(await getDb(), user, input);
    // Every admin page may show the clinic's name or use its defaults.
    revalidatePath("/admin", "layout");
    return { version, message: "Clinic settings saved. Handouts and patients' pages show them from now on." };
  },
  { role: "admin", conflict: conflictOf<ClinicSettingsConflict>() },
);

/** Removes the logo, the one from CLINIC_LOGO_PATH too (admins only). */
export const removeClinicLogoAction = authedAction(
  z.object({ baseVersion: z.coerce.number().int().min(0) }),
  async ({ baseVersion }, user) => {
    await setClinicLogo(await getDb(), user, baseVersion, null);
    revalidatePath("/admin", "layout");
  },
  { role: "admin" },
);
