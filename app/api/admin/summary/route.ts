import { authenticateRequest } from "@/lib/auth/session";
import { getDashboardSummary } from "@/lib/dashboard/get-dashboard-summary";
import { getDb } from "@/lib/db";

/** The dashboard counts as JSON, for signed-in staff. */
export async function GET() {
  const result = await authenticateRequest();
  if ("response" in result) return result.response;
  const summary = await getDashboardSummary(await getDb(), result.user);
  return Response.json(summary, { headers: { "Cache-Control": "private, no-store" } });
}
