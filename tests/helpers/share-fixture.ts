import { eq } from "drizzle-orm";
import { routines } from "@/db/schema";
import { seedStarterContent } from "@/db/seed";
import { createPatient } from "@/lib/patients/mutations";
import { patientInput } from "@/lib/patients/schemas";
import { createRoutine } from "@/lib/routines/mutations";
import { createShareLink } from "@/lib/share/links";
import { newShareLinkInput } from "@/lib/share/schemas";
import { insertStaff, type TempDb } from "./temp-db";

export const appUrl = "https://exercises.clinic.test";

/** A seeded database with a patient (every private field filled), their routine from the template and one link. */
export async function shareFixture(t: TempDb, now = Date.now()) {
  await seedStarterContent(t.db);
  const { ada, bo } = await insertStaff(t.db);
  const patient = await createPatient(
    t.db,
    ada,
    patientInput.parse({
      displayName: "Sam",
      externalRef: "MRN-77812",
      email: "sam.private@example.com",
      phone: "+44 20 7946 0999",
      notes: "Secret clinical note",
    }),
  );
  const [template] = await t.db.select({ id: routines.id }).from(routines).where(eq(routines.isTemplate, true));
  const routine = await createRoutine(t.db, ada, { patientId: patient.id, templateId: template!.id });
  const link = await createShareLink(t.db, ada, newShareLinkInput.parse({ routineId: routine.id, label: "phone" }), appUrl, now);
  const token = link.url.slice(`${appUrl}/r/`.length);
  return { ada, bo, patientId: patient.id, templateId: template!.id, routineId: routine.id, link, token };
}
