import { revalidatePath } from "next/cache";
import { authedRoute } from "@/lib/auth/route";
import { inspectLogo } from "@/lib/clinic/logo";
import { maxLogoBytes } from "@/lib/clinic/schemas";
import { setClinicLogo } from "@/lib/clinic/settings";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { readLimitedFormData } from "@/lib/http/limited-body";
import { isSameOriginRequest } from "@/lib/security/same-origin";

// Back to the form, with the outcome in the query (a relative address: never one built from the request).
const back = (_request: Request, outcome: Record<string, string>) =>
  new Response(null, { status: 303, headers: { Location: `/admin/settings/clinic?${new URLSearchParams(outcome)}#logo` } });

/**
 * Uploads the clinic's logo (admins only): a plain multipart form post, answered by a redirect back to the
 * settings page with the outcome, so it works without JavaScript. Checked by its bytes: PNG or JPEG, at most 1 MB.
 */
export const POST = authedRoute(
  async (request, { user }) => {
    if (!isSameOriginRequest(request.headers, [env().appUrl])) throw new AppError("forbidden", "Upload the logo from the settings page.");
    const body = await readLimitedFormData(request, maxLogoBytes + 64 * 1024);
    if (!body.ok)
      return back(request, { logoError: body.reason === "too_large" ? "The logo must be at most 1 MB." : "Choose a PNG or JPEG file." });
    const file = body.form.get("logo");
    const baseVersion = Number(body.form.get("baseVersion"));
    if (!(file instanceof File) || file.size === 0) return back(request, { logoError: "Choose a PNG or JPEG file for the logo." });
    const checked = inspectLogo(new Uint8Array(await file.arrayBuffer()));
    if (!checked.ok) return back(request, { logoError: checked.error });
    try {
      await setClinicLogo(await getDb(), user, Number.isInteger(baseVersion) && baseVersion >= 0 ? baseVersion : -1, checked.logo);
    } catch (error) {
      if (error instanceof AppError && error.code === "conflict") return back(request, { logoError: error.message });
      throw error;
    }
    revalidatePath("/admin", "layout");
    return back(request, { logo: "saved" });
  },
  { role: "admin" },
);
