import "server-only";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/db/client";
import { AppError, fieldErrorsOf } from "@/lib/errors";
import { ByteLru } from "./byte-lru";
import { readClinicLogo } from "@/lib/clinic/settings";
import { toHandoutPicture } from "@/lib/clinic/logo";
import { withActiveShareLink } from "./clinician-copy";
import { handoutOptions, type HandoutOptions } from "./options";
import { readHandoutSource } from "./read-handout-source";
import { RenderPool } from "./render-pool";
import type { HandoutLayout, HandoutPayload } from "./types";

// Loaded by path at run time in worker threads: Next's bundler never sees it (see pdf/worker-entry.mjs).
const rendererDir = path.join(process.cwd(), "lib", "handout", "pdf");

type Shared = {
  pool?: RenderPool<HandoutPayload>;
  cache: ByteLru;
  inFlight: Map<string, Promise<Uint8Array>>;
  renders: number;
  version?: string;
};
// On globalThis so dev-mode reloads keep one pool and one cache.
const holder = globalThis as unknown as { routineHandouts?: Shared };
const shared: Shared = (holder.routineHandouts ??= { cache: new ByteLru(50 * 1024 * 1024), inFlight: new Map(), renders: 0 });

function pool(): RenderPool<HandoutPayload> {
  shared.pool ??= new RenderPool<HandoutPayload>({ workerFile: path.join(rendererDir, "worker-entry.mjs") });
  return shared.pool;
}

/** Starts the render workers ahead of the first download (they load fonts and React once). */
export function warmHandoutRenderer(): void {
  pool().warm();
}

/** Hash of the renderer's own code and react-pdf's version: a changed layout never answers an old ETag. */
function rendererVersion(): string {
  if (shared.version) return shared.version;
  const hash = createHash("sha256");
  for (const file of readdirSync(rendererDir).sort()) hash.update(file).update(readFileSync(path.join(rendererDir, file)));
  hash.update(JSON.parse(readFileSync(path.join(process.cwd(), "node_modules", "@react-pdf", "renderer", "package.json"), "utf8")).version);
  shared.version = hash.digest("hex");
  return shared.version;
}

export type PreparedHandout = {
  fileName: string;
  /** Strong: the same ETag always means the same printed content, layout and link. */
  etag: string;
  /** Whether `pdf()` will answer from memory without rendering. */
  cached: boolean;
  pdf: () => Promise<Uint8Array>;
};

/**
 * Reads what a routine's handout would print and names it, without drawing it yet: a caller holding a
 * matching ETag can answer 304 straight away. Access is the caller's to check first — a clinician's session
 * (the download route) or a patient's share link (which passes its `shareUrl`).
 */
export async function prepareHandout(
  db: Db,
  routineId: number,
  options: HandoutOptions | Promise<HandoutOptions> = {},
): Promise<PreparedHandout> {
  // Options may still be on their way from the database (the clinician's copy looks up the active link): that
  // read goes beside the content's, not before it.
  const [source, given] = await Promise.all([readHandoutSource(db, routineId), options]);
  const parsed = handoutOptions.safeParse(given);
  if (!parsed.success) throw new AppError("validation", "Those handout options cannot be used.", fieldErrorsOf(parsed.error));
  const settings = source.clinic;
  const layout: HandoutLayout = {
    paper: parsed.data.paper ?? settings.paper,
    largePrint: parsed.data.largePrint,
    trackingSheet: parsed.data.trackingSheet,
    shareUrl: parsed.data.shareUrl ?? null,
  };
  // The key covers everything printed (patient and clinician names and exercise text are read live, so the
  // revision id alone would serve a stale sheet after an exercise is edited), with pictures by their hash.
  // Clinic settings are read live too, so a new name, contact or logo in Settings prints at once.
  const clinic = { name: settings.name, contact: settings.contact, logo: settings.logo?.sha256 ?? null };
  const key = createHash("sha256")
    .update(JSON.stringify([rendererVersion(), source.revisionId, layout, clinic, source.content]))
    .digest("base64url");
  return {
    fileName: source.fileName,
    etag: `"${key}"`,
    cached: shared.cache.get(key) !== undefined,
    pdf: async () => {
      const hit = shared.cache.get(key);
      if (hit) return hit;
      // Two clicks on the download button render once.
      let rendering = shared.inFlight.get(key);
      if (!rendering) {
        rendering = Promise.all([source.withPictures(), settings.logo ? readClinicLogo(db, settings.logo.sha256) : null])
          .then(([content, logo]) =>
            pool().run({
              ...content,
              ...layout,
              clinic: { name: clinic.name, contact: clinic.contact, logo: logo && toHandoutPicture(logo) },
            }),
          )
          .then((pdf) => {
            shared.renders++;
            shared.cache.set(key, pdf);
            return pdf;
          })
          .finally(() => shared.inFlight.delete(key));
        shared.inFlight.set(key, rendering);
      }
      return rendering;
    },
  };
}

/** A routine's printable handout: the PDF's bytes, its file name and ETag. */
export async function renderHandoutForRoutine(db: Db, routineId: number, options: HandoutOptions = {}) {
  const handout = await prepareHandout(db, routineId, options);
  return { pdf: await handout.pdf(), fileName: handout.fileName, etag: handout.etag };
}

/** For tests and the benchmark: how many PDFs were drawn, what the cache holds, how the pool is doing. */
export function handoutStats() {
  return { renders: shared.renders, cache: shared.cache.size, pool: shared.pool?.stats() ?? null };
}

/**
 * Draws the current revision's default handout (the clinician's copy, with the active link's QR code) in
 * the background after a save, so the first download is answered from memory. Never throws: a failure here only means that download renders as it would have.
 */
export async function prerenderHandout(db: Db, routineId: number): Promise<void> {
  try {
    await (await prepareHandout(db, routineId, await withActiveShareLink(db, routineId))).pdf();
  } catch (error) {
    console.error(`Pre-rendering the handout of routine ${routineId} failed:`, error);
  }
}
