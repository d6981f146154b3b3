import "server-only";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { imageSize } from "image-size";
import { env } from "@/lib/env";
import { sniffImageType } from "@/lib/exercises/images";
import type { HandoutPicture } from "@/lib/handout/types";
import { maxLogoBytes } from "./schemas";

export type LogoType = "image/png" | "image/jpeg";
export type ClinicLogo = { sha256: string; type: LogoType; bytes: Uint8Array };

/** The logo's address: named by its content, so a new logo is a new address and caches never go stale. */
export function clinicLogoUrl(logo: { sha256: string; type: LogoType }): string {
  return `/clinic-logo/${logo.sha256}.${logo.type === "image/png" ? "png" : "jpg"}`;
}

/** Checks an uploaded logo by its bytes: a PNG or JPEG of at most 1 MB, or a sentence saying what is wrong. */
export function inspectLogo(bytes: Uint8Array, maxBytes = maxLogoBytes): { ok: true; logo: ClinicLogo } | { ok: false; error: string } {
  if (bytes.byteLength === 0) return { ok: false, error: "Choose a PNG or JPEG file for the logo." };
  if (bytes.byteLength > maxBytes) return { ok: false, error: "The logo must be at most 1 MB." };
  const type = sniffImageType(bytes);
  if (type !== "image/png" && type !== "image/jpeg") return { ok: false, error: "The logo must be a PNG or JPEG picture." };
  try {
    imageSize(bytes);
  } catch {
    return { ok: false, error: "That picture cannot be read; save it again as PNG or JPEG." };
  }
  return { ok: true, logo: { sha256: createHash("sha256").update(bytes).digest("hex"), type, bytes } };
}

let fromEnvironment: ClinicLogo | null | undefined;

/**
 * CLINIC_LOGO_PATH: the logo until an admin uploads or removes one in Settings. Read once per process; the
 * start-up check (lib/env-schema.ts) has already made sure it is a PNG or JPEG.
 */
export function environmentLogo(): ClinicLogo | null {
  if (fromEnvironment !== undefined) return fromEnvironment;
  const { logoPath } = env().clinic;
  fromEnvironment = null;
  if (logoPath) {
    try {
      const checked = inspectLogo(new Uint8Array(readFileSync(logoPath)), Infinity);
      if (!checked.ok) throw new Error(checked.error);
      fromEnvironment = checked.logo;
    } catch (error) {
      // Checked at start-up; if it has gone since, print without a logo rather than fail every handout.
      console.error(`CLINIC_LOGO_PATH (${logoPath}) cannot be read; the clinic has no logo.`, error);
    }
  }
  return fromEnvironment;
}

/** The logo as react-pdf draws it. */
export function toHandoutPicture(logo: ClinicLogo): HandoutPicture {
  const { width = null, height = null } = imageSize(logo.bytes);
  return { data: logo.bytes, format: logo.type === "image/png" ? "png" : "jpg", width, height };
}
