import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { auditEvents } from "@/db/schema";
import { readEnv } from "@/lib/env-schema";
import { AppError } from "@/lib/errors";
import { shareFixture } from "../helpers/share-fixture";
import { createTempDb, type TempDb } from "../helpers/temp-db";

// The environment a clinic started with: these are the first-start defaults.
vi.mock("@/lib/env", () => ({
  env: () => readEnv({ CLINIC_NAME: "Harbour Physio", CLINIC_CONTACT: "020 7946 0000\\nfront@harbour.example", HANDOUT_PAPER: "letter" }),
}));

const { clinicSettingsInput } = await import("@/lib/clinic/schemas");
const { getClinicSettings, readClinicLogo, saveClinicSettings, setClinicLogo } = await import("@/lib/clinic/settings");
const { inspectLogo } = await import("@/lib/clinic/logo");
const { prepareHandout } = await import("@/lib/handout/render-handout");
const { getSharedRoutine } = await import("@/lib/share/shared-routine");
const { inactiveLinkResponse } = await import("@/lib/share/inactive");

const png = new Uint8Array(readFileSync(path.join(__dirname, "..", "e2e", "fixtures", "figure.png")));
const form = (values: Record<string, unknown> = {}) =>
  clinicSettingsInput.parse({
    baseVersion: 0,
    name: "Harbour Physio",
    contact: "",
    paper: "A4",
    linkDays: "90",
    painThreshold: "7",
    ...values,
  });

describe("clinic settings", () => {
  let t: TempDb;
  let f: Awaited<ReturnType<typeof shareFixture>>;
  beforeEach(async () => {
    t = await createTempDb();
    f = await shareFixture(t);
  });
  afterEach(() => t.close());

  it("start from the environment's values until an admin saves them", async () => {
    expect(await getClinicSettings(t.db)).toEqual({
      version: 0,
      name: "Harbour Physio",
      displayName: "Harbour Physio",
      contact: "020 7946 0000\nfront@harbour.example",
      paper: "LETTER",
      linkDays: "90",
      painThreshold: 7,
      logo: null,
    });
    await saveClinicSettings(t.db, f.ada, form({ name: "", contact: "Call us", paper: "A4", linkDays: "30", painThreshold: "6" }));
    // Saved values win, a blank name included: patients then read "Your clinic".
    expect(await getClinicSettings(t.db)).toMatchObject({
      version: 1,
      name: "",
      displayName: "Your clinic",
      contact: "Call us",
      paper: "A4",
      linkDays: "30",
      painThreshold: 6,
    });
  });

  it("validate every field with a message for the form", () => {
    const parsed = clinicSettingsInput.safeParse({
      baseVersion: "0",
      name: "x".repeat(121),
      contact: "y".repeat(301),
      paper: "A3",
      linkDays: "7",
      painThreshold: "11",
    });
    expect(parsed.success).toBe(false);
    const fields = Object.fromEntries(parsed.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(fields).toEqual({
      name: "Use at most 120 characters.",
      contact: "Use at most 300 characters.",
      paper: "Choose A4 or US Letter.",
      linkDays: "Choose how long new links work.",
      painThreshold: "Enter a pain score from 1 to 10.",
    });
    expect(clinicSettingsInput.safeParse({ ...form(), painThreshold: "7.5" }).error?.issues[0]?.message).toBe(
      "Enter a whole number from 1 to 10.",
    );
  });

  it("refuse a save on top of someone else's newer one, saying who and what, and audit each save", async () => {
    await saveClinicSettings(t.db, f.ada, form({ name: "Harbour Physiotherapy" }));
    const stale = saveClinicSettings(t.db, f.ada, form({ name: "Mine", painThreshold: "5" }));
    await expect(stale).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining(
        "Ada saved the clinic's settings while you were editing (changed: Clinic name, Contact, Default paper)",
      ),
      details: {
        currentVersion: 1,
        current: { name: "Harbour Physiotherapy" },
        fields: expect.arrayContaining([{ name: "name", label: "Clinic name" }]),
      },
    });
    expect((await getClinicSettings(t.db)).name).toBe("Harbour Physiotherapy");
    // Saving again from the version it now sits on is on purpose.
    await saveClinicSettings(t.db, f.ada, form({ baseVersion: 1, name: "Mine" }));
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "clinic.settings_saved"));
    expect(audit.map((a) => a.changes)).toEqual([
      expect.objectContaining({
        version: 1,
        fields: expect.objectContaining({ name: { from: "Harbour Physio", to: "Harbour Physiotherapy" } }),
      }),
      { version: 2, fields: { name: { from: "Harbour Physiotherapy", to: "Mine" } } },
    ]);
  });

  it("are for admins only", async () => {
    await expect(saveClinicSettings(t.db, f.bo, form())).rejects.toThrow(AppError);
    await expect(saveClinicSettings(t.db, f.bo, form())).rejects.toMatchObject({ code: "forbidden" });
    await expect(setClinicLogo(t.db, f.bo, 0, null)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("take a PNG or JPEG logo of at most 1 MB, checked by its bytes, and serve only the current one", async () => {
    expect(inspectLogo(new TextEncoder().encode("GIF89a......"))).toEqual({ ok: false, error: "The logo must be a PNG or JPEG picture." });
    expect(inspectLogo(new Uint8Array(1024 * 1024 + 1))).toEqual({ ok: false, error: "The logo must be at most 1 MB." });
    const checked = inspectLogo(png);
    if (!checked.ok) throw new Error(checked.error);
    await setClinicLogo(t.db, f.ada, 0, checked.logo);
    const settings = await getClinicSettings(t.db);
    expect(settings.logo).toEqual({ sha256: checked.logo.sha256, type: "image/png", source: "upload" });
    expect((await readClinicLogo(t.db, checked.logo.sha256))?.bytes).toEqual(png);
    expect(await readClinicLogo(t.db, "0".repeat(64))).toBeNull();
    // A stale version is a conflict here too.
    await expect(setClinicLogo(t.db, f.ada, 0, null)).rejects.toMatchObject({ code: "conflict" });
    await setClinicLogo(t.db, f.ada, 1, null);
    expect((await getClinicSettings(t.db)).logo).toBeNull();
    expect(await readClinicLogo(t.db, checked.logo.sha256)).toBeNull();
  });

  it("apply at once: the handout's cache key, the patient's page and the dead-link page follow a save", async () => {
    const before = await prepareHandout(t.db, f.routineId);
    expect((await getSharedRoutine(t.db, { token: f.token }))!.clinic.displayName).toBe("Harbour Physio");
    await saveClinicSettings(t.db, f.ada, form({ name: "Seaside Physio", contact: "0161 496 0000", paper: "LETTER" }));
    const after = await prepareHandout(t.db, f.routineId);
    expect(after.etag).not.toBe(before.etag);
    expect((await getSharedRoutine(t.db, { token: f.token }))!.clinic).toMatchObject({ displayName: "Seaside Physio", paper: "LETTER" });
    const dead = await inactiveLinkResponse(await getClinicSettings(t.db)).text();
    expect(dead).toContain("Seaside Physio");
    expect(dead).toContain('href="tel:01614960000"');
  });
});
