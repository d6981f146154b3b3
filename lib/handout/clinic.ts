import "server-only";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { imageSize } from "image-size";
import { env } from "@/lib/env";
import { sniffImageType } from "@/lib/exercises/images";
import type { HandoutPicture, PaperSize } from "./types";

export type HandoutConfig = {
  clinic: { name: string; contact: string; logo: HandoutPicture | null };
  /** Names the logo's content in cache keys without hashing it on every request. */
  logoSha256: string | null;
  paper: PaperSize;
};

let cached: HandoutConfig | undefined;

/**
 * The clinic's details and default paper, from configuration (there is no settings page yet). The logo is
 * read once per process; the start-up check (lib/env-schema.ts) has already made sure it is a PNG or JPEG.
 */
export function handoutConfig(): HandoutConfig {
  cached ??= readHandoutConfig();
  return cached;
}

function readHandoutConfig(): HandoutConfig {
  const { clinic, handoutPaper } = env();
  let logo: HandoutPicture | null = null;
  let logoSha256: string | null = null;
  if (clinic.logoPath) {
    try {
      const data = new Uint8Array(readFileSync(clinic.logoPath));
      const type = sniffImageType(data);
      if (type !== "image/png" && type !== "image/jpeg") throw new Error("not a PNG or JPEG file");
      const { width = null, height = null } = imageSize(data);
      logo = { data, format: type === "image/png" ? "png" : "jpg", width, height };
      logoSha256 = createHash("sha256").update(data).digest("hex");
    } catch (error) {
      // The file was checked at start-up; if it has gone since, print without a logo rather than fail every handout.
      console.error(`CLINIC_LOGO_PATH (${clinic.logoPath}) cannot be read; handouts print without a logo.`, error);
    }
  }
  return { clinic: { name: clinic.name, contact: clinic.contact, logo }, logoSha256, paper: handoutPaper };
}
