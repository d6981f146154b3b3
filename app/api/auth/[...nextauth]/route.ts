import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { publicRoute } from "@/lib/auth/route";

// Auth.js's own endpoints (sign-in callback, session, CSRF): public by nature, they check credentials themselves.
export const GET = publicRoute((request) => handlers.GET(request as NextRequest));
export const POST = publicRoute((request) => handlers.POST(request as NextRequest));
