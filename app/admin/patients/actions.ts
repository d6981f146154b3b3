"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError, failure, invalid, type FieldErrors } from "@/lib/errors";
import { assignPatient, setPatientShared } from "@/lib/patients/access";
import { createPatient, setPatientArchived, updatePatient, type PatientConflict } from "@/lib/patients/mutations";
import { patientFields, patientInput, type PatientField } from "@/lib/patients/schemas";

export type PatientFormValues = Record<PatientField, string>;

export type PatientFormState = {
  error?: string;
  success?: string;
  fieldErrors?: FieldErrors;
  /** What was sent, echoed back so a refused save keeps what the person typed (also without JavaScript). */
  values?: PatientFormValues;
  /** The version the form's values now sit on: the saved one, or after a conflict the one saved meanwhile. */
  version?: number;
  conflict?: PatientConflict;
};

function readValues(formData: FormData): PatientFormValues {
  return Object.fromEntries(patientFields.map((f) => [f, String(formData.get(f) ?? "")])) as PatientFormValues;
}

export async function createPatientAction(_previous: PatientFormState, formData: FormData): Promise<PatientFormState> {
  const user = await requireUser();
  const values = readValues(formData);
  const parsed = patientInput.safeParse(values);
  if (!parsed.success) return { ...invalid(parsed.error), values };
  let id: number;
  try {
    ({ id } = await createPatient(await getDb(), user, parsed.data));
  } catch (error) {
    return { ...failure(error), values };
  }
  revalidatePath("/admin/patients");
  redirect(`/admin/patients/${id}?created=1`);
}

const editTarget = z.object({
  patientId: z.coerce.number().int().positive(),
  baseVersion: z.coerce.number().int().positive(),
});

export async function updatePatientAction(_previous: PatientFormState, formData: FormData): Promise<PatientFormState> {
  const user = await requireUser();
  const values = readValues(formData);
  const target = editTarget.safeParse({ patientId: formData.get("patientId"), baseVersion: formData.get("baseVersion") });
  if (!target.success) return { error: "The form is out of date: reload the page.", values };
  const parsed = patientInput.safeParse(values);
  if (!parsed.success) return { ...invalid(parsed.error), values };

  const { patientId, baseVersion } = target.data;
  try {
    const { version } = await updatePatient(await getDb(), user, patientId, baseVersion, parsed.data);
    revalidatePath("/admin/patients");
    revalidatePath(`/admin/patients/${patientId}`);
    return { success: "Saved.", values, version };
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") {
      const conflict = error.details as PatientConflict;
      return { error: error.message, values, version: conflict.currentVersion, conflict };
    }
    return { ...failure(error), values };
  }
}

const archiveInput = z.object({ patientId: z.coerce.number().int().positive(), archived: z.enum(["true", "false"]) });

export async function setPatientArchivedAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = archiveInput.safeParse({ patientId: formData.get("patientId"), archived: formData.get("archived") });
  if (!parsed.success) return;
  try {
    await setPatientArchived(await getDb(), user, parsed.data.patientId, parsed.data.archived === "true");
  } catch (error) {
    failure(error); // a patient that no longer exists changes nothing; anything else is a bug
  }
  revalidatePath("/admin/patients");
  revalidatePath(`/admin/patients/${parsed.data.patientId}`);
}

const careInput = z.object({
  patientId: z.coerce.number().int().positive(),
  userId: z.coerce.number().int().positive(),
  change: z.enum(["assign", "share", "unshare"]),
});

/** Assigns the patient to a colleague, or shares them with one (or stops sharing). */
export async function changePatientCareAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = careInput.safeParse({ patientId: formData.get("patientId"), userId: formData.get("userId"), change: formData.get("change") });
  if (!parsed.success) return;
  const { patientId, userId, change } = parsed.data;
  try {
    const db = await getDb();
    if (change === "assign") await assignPatient(db, user, patientId, userId);
    else await setPatientShared(db, user, patientId, userId, change === "share");
  } catch (error) {
    failure(error);
  }
  revalidatePath(`/admin/patients/${patientId}`);
}
