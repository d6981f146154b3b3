"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authedAction, conflictOf } from "@/lib/auth/action";
import { getDb } from "@/lib/db";
import { idInput } from "@/lib/ids";
import { assignPatient, setPatientShared } from "@/lib/patients/access";
import { createPatient, setPatientArchived, updatePatient, type PatientConflict } from "@/lib/patients/mutations";
import { patientInput } from "@/lib/patients/schemas";

export const createPatientAction = authedAction(patientInput, async (input, user) => {
  const { id } = await createPatient(await getDb(), user, input);
  revalidatePath("/admin/patients");
  redirect(`/admin/patients/${id}?created=1`);
});

export const updatePatientAction = authedAction(
  patientInput.extend({ patientId: idInput, baseVersion: idInput }),
  async ({ patientId, baseVersion, ...input }, user) => {
    const { version } = await updatePatient(await getDb(), user, patientId, baseVersion, input);
    revalidatePath("/admin/patients");
    revalidatePath(`/admin/patients/${patientId}`);
    return { version, message: "Saved." };
  },
  { conflict: conflictOf<PatientConflict>() },
);

export const setPatientArchivedAction = authedAction(
  z.object({ patientId: idInput, archived: z.enum(["true", "false"]) }),
  async ({ patientId, archived }, user) => {
    await setPatientArchived(await getDb(), user, patientId, archived === "true");
    revalidatePath("/admin/patients");
    revalidatePath(`/admin/patients/${patientId}`);
  },
);

/** Assigns the patient to a colleague, or shares them with one (or stops sharing); the domain checks access. */
export const changePatientCareAction = authedAction(
  z.object({ patientId: idInput, userId: idInput, change: z.enum(["assign", "share", "unshare"]) }),
  async ({ patientId, userId, change }, user) => {
    const db = await getDb();
    if (change === "assign") await assignPatient(db, user, patientId, userId);
    else await setPatientShared(db, user, patientId, userId, change === "share");
    revalidatePath(`/admin/patients/${patientId}`);
  },
);
