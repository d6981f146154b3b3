import { AppError } from "@/lib/errors";

/**
 * Without JavaScript a tick is a form post answered by a redirect back to the page: the outcome travels in
 * the query string as a short code, and the page turns it back into words.
 */
export type TickFeedback = { position: number; session: number; kind: "done" | "undone" | "error"; message: string };

const errorCodes = {
  rate_limited: "busy",
  conflict: "changed",
  validation: "invalid",
  not_found: "changed",
  forbidden: "changed",
  unauthenticated: "changed",
} as const;
type ErrorCode = (typeof errorCodes)[keyof typeof errorCodes];

const messages: Record<ErrorCode | "done" | "undone", string> = {
  done: "Saved: done for today.",
  undone: "Marked as not done.",
  busy: "That is a lot of changes in a few minutes, so this link is taking a short break. Please try again in a few minutes.",
  changed: "Your routine has changed since this page was opened. Here is the latest version: tick again.",
  invalid: "Please check the pain score (0 to 10) and keep the comment under 280 characters.",
};

export function tickErrorCode(error: AppError): ErrorCode {
  return errorCodes[error.code];
}

export function tickFeedbackQuery(position: number, session: number, outcome: "done" | "undone" | ErrorCode): string {
  return outcome === "done" || outcome === "undone"
    ? `${outcome}=${position}&session=${session}`
    : `error=${outcome}&item=${position}&session=${session}`;
}

/** The feedback a redirect carried, or null for an ordinary visit. */
export function readTickFeedback(query: Record<string, string | string[] | undefined>): TickFeedback | null {
  // Own properties only: "constructor" or "__proto__" in a query must never pick a built-in.
  const value = (key: string) => (Object.hasOwn(query, key) && typeof query[key] === "string" ? (query[key] as string) : undefined);
  const position = (raw: string | undefined) => (raw !== undefined && /^\d{1,4}$/.test(raw) ? Number(raw) : null);
  const session = /^[0-2]$/.test(value("session") ?? "") ? Number(value("session")) : 0;
  for (const kind of ["done", "undone"] as const) {
    const p = position(value(kind));
    if (p !== null) return { position: p, session, kind, message: messages[kind] };
  }
  const code = value("error");
  const p = position(value("item"));
  if (p !== null && code && Object.hasOwn(messages, code) && code !== "done" && code !== "undone")
    return { position: p, session, kind: "error", message: messages[code as ErrorCode] };
  return null;
}
