import { createHash } from "node:crypto";
import { imageSize } from "image-size";

import { maxImageBytes } from "./image-limits";

export { maxImageBytes };
export type ImageMimeType = "image/png" | "image/jpeg" | "image/webp";

export const imageExtension: Record<ImageMimeType, string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" };

/** The type a file really is, read from its first bytes (the name and the browser's claim are ignored). */
export function sniffImageType(bytes: Uint8Array): ImageMimeType | undefined {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return undefined;
}

export type InspectedImage = { mimeType: ImageMimeType; sha256: string; byteSize: number; width: number | null; height: number | null };

/** Checks an upload and describes it, or says in a sentence why it cannot be used. */
export function inspectImage(bytes: Uint8Array, fileName = "The file"): { ok: true; image: InspectedImage } | { ok: false; error: string } {
  if (bytes.byteLength === 0) return { ok: false, error: `${fileName} is empty.` };
  if (bytes.byteLength > maxImageBytes) {
    const mb = (bytes.byteLength / 1024 / 1024).toFixed(1);
    return { ok: false, error: `${fileName} is ${mb} MB; pictures can be at most ${maxImageBytes / 1024 / 1024} MB.` };
  }
  const mimeType = sniffImageType(bytes);
  if (!mimeType) return { ok: false, error: `${fileName} is not a PNG, JPEG or WebP picture.` };
  let width: number | null = null;
  let height: number | null = null;
  try {
    const size = imageSize(bytes);
    width = size.width ?? null;
    height = size.height ?? null;
  } catch {
    return { ok: false, error: `${fileName} looks like a ${imageExtension[mimeType].toUpperCase()} but cannot be read.` };
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { ok: true, image: { mimeType, sha256, byteSize: bytes.byteLength, width, height } };
}

/** Public, content-addressed URL of a picture: safe to cache forever. */
export function imageUrl(image: { sha256: string; mimeType: ImageMimeType }): string {
  return `/images/${image.sha256}.${imageExtension[image.mimeType]}`;
}
