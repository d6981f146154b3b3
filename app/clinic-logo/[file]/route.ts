import { publicRoute } from "@/lib/auth/route";
import { readClinicLogo } from "@/lib/clinic/settings";
import { getDb } from "@/lib/db";

const logoFile = /^([0-9a-f]{64})\.(png|jpg)$/;

/**
 * The clinic's logo, for the patients' pages (public, like the clinic's name on them). Addressed by the SHA-256
 * of its bytes, so it is cached for good; only the current logo is served, an old address is a 404.
 */
export const GET = publicRoute<{ file: string }>(async (_request, { params }) => {
  const match = logoFile.exec(params.file);
  const logo = match ? await readClinicLogo(await getDb(), match[1]!) : null;
  if (!logo) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(new Uint8Array(logo.bytes), {
    headers: { "Content-Type": logo.type, "Cache-Control": "public, max-age=31536000, immutable" },
  });
});
