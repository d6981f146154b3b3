import { authedRoute } from "@/lib/auth/route";
import { getDashboardSummary } from "@/lib/dashboard/get-dashboard-summary";
import { getDb } from "@/lib/db";

/** The dashboard counts as JSON, for signed-in staff. */
export const GET = authedRoute(async (_request, { user }) => {
  const summary = await getDashboardSummary(await getDb(), user);
  return Response.json(summary, { headers: { "Cache-Control": "private, no-store" } });
});
