import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { clinicSettings } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { sameValue } from "@/lib/exercises/diff";
import type { PaperSize } from "@/lib/handout/types";
import type { SessionUser } from "@/lib/users/accounts";
import type { VersionConflict } from "@/lib/versioned-save/conflict";
import { versionConflict } from "@/lib/versioned-save/save";
import { environmentLogo, type ClinicLogo, type LogoType } from "./logo";
import {
  clinicSettingsLabels,
  defaultPainThreshold,
  linkLifetimeChoices,
  type ClinicSettingsField,
  type ClinicSettingsInput,
  type LinkLifetime,
} from "./schemas";

/** What the whole app reads: handouts, the patient's page, the dead-link page, emails, the dashboard's alerts. */
export type ClinicSettings = {
  /** Bumped by every save of the form or the logo: a save from an older version is a conflict. */
  version: number;
  /** As entered; may be blank (handouts then leave it out). */
  name: string;
  /** The name patients read: "Your clinic" when none is set. */
  displayName: string;
  contact: string;
  paper: PaperSize;
  linkDays: LinkLifetime;
  painThreshold: number;
  logo: { sha256: string; type: LogoType; source: "upload" | "environment" } | null;
};

export type ClinicSettingsConflict = VersionConflict<Record<ClinicSettingsField, string>, ClinicSettingsField>;

// One row per key in clinic_settings (the patient-visibility policy lives there too, under its own key).
const keys = {
  version: "clinic.version",
  name: "clinic.name",
  contact: "clinic.contact",
  paper: "clinic.paper",
  linkDays: "clinic.link_days",
  painThreshold: "clinic.pain_threshold",
  logo: "clinic.logo",
  logoData: "clinic.logo_data",
} as const;
const readKeys = Object.values(keys).filter((k) => k !== keys.logoData);

/** The settings' rows without the logo's bytes: one small query to put into a caller's batch (no trip of its own). */
export function clinicSettingsQuery(db: Db | Tx) {
  return db
    .select({ key: clinicSettings.key, value: clinicSettings.value })
    .from(clinicSettings)
    .where(inArray(clinicSettings.key, readKeys));
}

/**
 * The stored settings over the environment's: CLINIC_NAME, CLINIC_CONTACT, CLINIC_LOGO_PATH and HANDOUT_PAPER
 * are the defaults until an admin saves the clinic's settings, which then win. A stored value that no longer
 * validates falls back to the default rather than break every page.
 */
export function toClinicSettings(rows: { key: string; value: string }[]): ClinicSettings {
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const { clinic, handoutPaper } = env();
  const name = stored.get(keys.name) ?? clinic.name;
  const paper = stored.get(keys.paper);
  const linkDays = stored.get(keys.linkDays);
  const threshold = Number(stored.get(keys.painThreshold));
  return {
    version: Number(stored.get(keys.version) ?? 0) || 0,
    name,
    displayName: name || "Your clinic",
    contact: stored.get(keys.contact) ?? clinic.contact,
    paper: paper === "A4" || paper === "LETTER" ? paper : handoutPaper,
    linkDays: linkLifetimeChoices.find((c) => c.value === linkDays)?.value ?? "90",
    painThreshold: Number.isInteger(threshold) && threshold >= 1 && threshold <= 10 ? threshold : defaultPainThreshold,
    logo: readLogo(stored.get(keys.logo)),
  };
}

function readLogo(value: string | undefined): ClinicSettings["logo"] {
  if (value === undefined) {
    const logo = environmentLogo();
    return logo && { sha256: logo.sha256, type: logo.type, source: "environment" };
  }
  try {
    const parsed = JSON.parse(value) as { sha256?: unknown; type?: unknown } | null;
    if (parsed && typeof parsed.sha256 === "string" && (parsed.type === "image/png" || parsed.type === "image/jpeg"))
      return { sha256: parsed.sha256, type: parsed.type, source: "upload" };
  } catch {}
  return null; // "none": removed on purpose, even when CLINIC_LOGO_PATH is set
}

export async function getClinicSettings(db: Db): Promise<ClinicSettings> {
  return toClinicSettings(await clinicSettingsQuery(db));
}

/** The current logo's bytes when `sha256` names it (the logo route, the handout), else null. */
export async function readClinicLogo(db: Db, sha256: string): Promise<ClinicLogo | null> {
  const rows = await db
    .select({ key: clinicSettings.key, value: clinicSettings.value })
    .from(clinicSettings)
    .where(inArray(clinicSettings.key, [keys.logo, keys.logoData]));
  const logo = readLogo(rows.find((r) => r.key === keys.logo)?.value);
  if (!logo || logo.sha256 !== sha256) return null;
  if (logo.source === "environment") return environmentLogo();
  const data = rows.find((r) => r.key === keys.logoData)?.value;
  return data ? { sha256, type: logo.type, bytes: new Uint8Array(Buffer.from(data, "base64")) } : null;
}

function formValues(s: ClinicSettings): Record<ClinicSettingsField, string> {
  return { name: s.name, contact: s.contact, paper: s.paper, linkDays: s.linkDays, painThreshold: String(s.painThreshold) };
}

const requireAdmin = (actor: SessionUser) => {
  if (actor.role !== "admin") throw new AppError("forbidden", "Only an administrator can change the clinic's settings.");
};

/**
 * Claims the next version inside the transaction: zero rows means someone saved since `baseVersion` was read,
 * a conflict (never a silent overwrite). The first save claims version 1 from no row at all.
 */
async function claimVersion(tx: Tx, baseVersion: number): Promise<number | null> {
  const next = String(baseVersion + 1);
  const rows =
    baseVersion === 0
      ? await tx
          .insert(clinicSettings)
          .values({ key: keys.version, value: next })
          .onConflictDoNothing()
          .returning({ v: clinicSettings.value })
      : await tx
          .update(clinicSettings)
          .set({ value: next, updatedAt: new Date() })
          .where(and(eq(clinicSettings.key, keys.version), eq(clinicSettings.value, String(baseVersion))))
          .returning({ v: clinicSettings.value });
  return rows.length ? baseVersion + 1 : null;
}

async function upsert(tx: Tx, key: string, value: string) {
  await tx
    .insert(clinicSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: clinicSettings.key, set: { value, updatedAt: new Date() } });
}

async function conflictFrom(tx: Tx, baseVersion: number): Promise<AppError> {
  const current = toClinicSettings(await clinicSettingsQuery(tx));
  return versionConflict(tx, {
    entityType: "clinic",
    noun: "the clinic's settings",
    id: 1,
    baseVersion,
    currentVersion: current.version,
    current: formValues(current),
    labels: clinicSettingsLabels,
    advice: "Your changes are still in the form: check them and save again.",
  });
}

/** Saves the clinic's details (admins only), versioned and audited with what changed. */
export async function saveClinicSettings(db: Db, actor: SessionUser, input: ClinicSettingsInput): Promise<{ version: number }> {
  requireAdmin(actor);
  return db.transaction(async (tx) => {
    const before = toClinicSettings(await clinicSettingsQuery(tx));
    const version = await claimVersion(tx, input.baseVersion);
    if (version === null) throw await conflictFrom(tx, input.baseVersion);
    const after: Record<ClinicSettingsField, string> = {
      name: input.name,
      contact: input.contact,
      paper: input.paper,
      linkDays: input.linkDays,
      painThreshold: String(input.painThreshold),
    };
    const old = formValues(before);
    const fields: Partial<Record<ClinicSettingsField, { from: string; to: string }>> = {};
    for (const field of Object.keys(after) as ClinicSettingsField[]) {
      // Every value is written, so the environment stops being the default from the first save on.
      await upsert(tx, keys[field], after[field]);
      if (!sameValue(old[field], after[field])) fields[field] = { from: old[field], to: after[field] };
    }
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "clinic.settings_saved",
      entityType: "clinic",
      entityId: 1,
      changes: { version, fields },
    });
    return { version };
  });
}

/** Replaces the logo (null removes it, the environment's too), versioned like the form. */
export async function setClinicLogo(
  db: Db,
  actor: SessionUser,
  baseVersion: number,
  logo: ClinicLogo | null,
): Promise<{ version: number }> {
  requireAdmin(actor);
  return db.transaction(async (tx) => {
    const version = await claimVersion(tx, baseVersion);
    if (version === null) throw await conflictFrom(tx, baseVersion);
    await upsert(tx, keys.logo, logo ? JSON.stringify({ sha256: logo.sha256, type: logo.type }) : "none");
    if (logo) await upsert(tx, keys.logoData, Buffer.from(logo.bytes).toString("base64"));
    else await tx.delete(clinicSettings).where(eq(clinicSettings.key, keys.logoData));
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: logo ? "clinic.logo_uploaded" : "clinic.logo_removed",
      entityType: "clinic",
      entityId: 1,
      changes: { version, fields: { logo: logo ? { to: logo.sha256 } : "removed" } },
    });
    return { version };
  });
}
