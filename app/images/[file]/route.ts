import { publicRoute } from "@/lib/auth/route";
import { getDb } from "@/lib/db";
import { imageExtension } from "@/lib/exercises/images";
import { findImageByHash } from "@/lib/exercises/queries";

const fileName = /^([0-9a-f]{64})\.(png|jpg|webp)$/;

/**
 * Exercise pictures by content hash. Public on purpose: they show exercises, not patients, and a patient's
 * share page needs them without an account. A hash names one content forever, so caches keep it a year.
 */
export const GET = publicRoute<{ file: string }>(async (_request, { params }) => {
  const match = fileName.exec(params.file);
  if (!match) return new Response("Not found", { status: 404 });
  const image = await findImageByHash(await getDb(), match[1]!);
  if (!image || imageExtension[image.mimeType] !== match[2]) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(image.data), {
    headers: {
      "Content-Type": image.mimeType,
      "Content-Length": String(image.data.byteLength),
      "Cache-Control": "public, max-age=31536000, immutable",
      ETag: `"${match[1]}"`,
    },
  });
});
