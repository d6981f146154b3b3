import { closeSync, openSync, readSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseTrustProxy } from "./net/trust-proxy";

// Kept free of "server-only" so the start script and tests can validate configuration too.
const remoteUrl = /^(libsql|https?|wss?):\/\//;

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Whether a file exists and starts like a PNG or a JPEG: a logo that cannot print should stop the start. */
function isPngOrJpegFile(file: string): boolean {
  try {
    const fd = openSync(file, "r");
    const head = Buffer.alloc(8);
    readSync(fd, head, 0, 8, 0);
    closeSync(fd);
    return head.equals(pngSignature) || (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff);
  } catch {
    return false;
  }
}

export const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATA_DIR: z.string().min(1).default("./data"),
    DATABASE_URL: z
      .string()
      .refine((v) => v.startsWith("file:") || remoteUrl.test(v), {
        message: "must start with file:, libsql://, http(s):// or ws(s)://",
      })
      .optional(),
    DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 33)").optional(),
    APP_URL: z.url({ message: "must be an absolute URL such as https://exercises.example-clinic.com" }).optional(),
    ADMIN_EMAIL: z.email({ message: "must be an email address" }).optional(),
    ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
    ADMIN_NAME: z.string().trim().min(1).max(100).default("Administrator"),
    CLINIC_NAME: z.string().trim().max(120, "must be at most 120 characters").default(""),
    CLINIC_CONTACT: z.string().trim().max(300, "must be at most 300 characters").default(""),
    CLINIC_LOGO_PATH: z
      .string()
      .refine(isPngOrJpegFile, { message: "must be the path of a PNG or JPEG file the server can read" })
      .optional(),
    TRUST_PROXY: z
      .string()
      .transform((value, ctx) => {
        try {
          return parseTrustProxy(value);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: (error as Error).message });
          return z.NEVER;
        }
      })
      .optional(),
    HANDOUT_PAPER: z
      .string()
      .transform((v) => v.toUpperCase())
      .pipe(z.enum(["A4", "LETTER"], { message: "must be A4 or LETTER" }))
      .default("A4"),
    SMTP_URL: z
      .url({
        protocol: /^smtps?$/,
        message: "must be an SMTP address such as smtp://user:password@mail.example.com:587 (smtps:// for TLS from the start)",
      })
      .optional(),
    MAIL_FROM: z
      .string()
      .trim()
      .regex(
        /^(?:[^<>@\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/,
        "must be an address such as clinic@example.com or Harbour Physio <clinic@example.com>",
      )
      .optional(),
  })
  .refine((e) => (e.ADMIN_EMAIL === undefined) === (e.ADMIN_PASSWORD === undefined), {
    message: "ADMIN_EMAIL and ADMIN_PASSWORD go together: set both or neither",
    path: ["ADMIN_PASSWORD"],
  })
  .refine((e) => (e.SMTP_URL === undefined) === (e.MAIL_FROM === undefined), {
    message: "and SMTP_URL go together to send email: set both or neither",
    path: ["MAIL_FROM"],
  });

export type AppEnv = ReturnType<typeof readEnv>;

/** Parses the environment; throws one sentence per bad variable, naming it and how to set it. */
export function readEnv(source: Record<string, string | undefined>) {
  // Treat empty strings as unset: `FOO= npm start` should mean "no FOO".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join(".") || "environment"} ${i.message}.`);
    throw new Error(
      `Routine cannot start: the configuration is invalid.\n${lines.join("\n")}\nSet these in the environment (see the README's Configuration table).`,
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const databaseUrl = e.DATABASE_URL ?? `file:${path.join(dataDir, "app.db")}`;
  return {
    port: e.PORT,
    dataDir,
    databaseUrl,
    databaseAuthToken: e.DATABASE_AUTH_TOKEN,
    isRemoteDatabase: !databaseUrl.startsWith("file:"),
    authSecret: e.AUTH_SECRET,
    appUrl: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    // The patient page always names someone; handouts leave a blank name out.
    clinicName: e.CLINIC_NAME || "Your clinic",
    bootstrapAdmin:
      e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD, name: e.ADMIN_NAME } : undefined,
    // Printed on handouts; "\n" in CLINIC_CONTACT starts a new line (an environment variable is one line).
    clinic: {
      name: e.CLINIC_NAME,
      contact: e.CLINIC_CONTACT.replaceAll("\\n", "\n"),
      logoPath: e.CLINIC_LOGO_PATH ? path.resolve(e.CLINIC_LOGO_PATH) : undefined,
    },
    handoutPaper: e.HANDOUT_PAPER,
    trustProxy: e.TRUST_PROXY ?? parseTrustProxy(undefined),
    // Email (share links): off unless both are set.
    mail: e.SMTP_URL && e.MAIL_FROM ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM } : undefined,
  };
}
