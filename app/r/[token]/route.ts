import { publicRoute } from "@/lib/auth/route";
import { answerPatientPage, pageResponse } from "@/lib/share/patient-page";

/**
 * The patient's page, as plain HTML rendered on the server: it needs no React in the browser, only forms and a
 * small script of our own (public/patient.js, with the CSP nonce proxy.ts made). In production
 * scripts/server.mjs answers GET and HEAD of this path itself, with the same function, before Next's router
 * (lib/share/patient-page-server.ts); this mount serves `next dev` and anything else that reaches Next.
 */
export const GET = publicRoute<{ token: string }>(async (request, { params }) => {
  const query = new URL(request.url).searchParams;
  const nonce = request.headers.get("x-nonce") ?? undefined;
  return pageResponse(await answerPatientPage({ method: request.method, token: params.token, query, nonce }));
});
