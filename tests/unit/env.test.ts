import path from "node:path";
import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env-schema";
import { contentSecurityPolicy } from "@/lib/security/headers";

describe("configuration", () => {
  it("defaults to an embedded database under data/ and a localhost APP_URL", () => {
    const config = readEnv({});
    expect(config.databaseUrl).toBe(`file:${path.resolve("data", "app.db")}`);
    expect(config.isRemoteDatabase).toBe(false);
    expect(config.appUrl).toBe("http://localhost:3000");
    expect(readEnv({ PORT: "4000", APP_URL: "https://hep.example.org/" }).appUrl).toBe("https://hep.example.org");
  });

  it("accepts libSQL server URLs with a token", () => {
    for (const url of ["libsql://db-clinic.turso.io", "https://db.example.org", "ws://127.0.0.1:8080", "http://127.0.0.1:8080"]) {
      expect(readEnv({ DATABASE_URL: url, DATABASE_AUTH_TOKEN: "t" }).isRemoteDatabase).toBe(true);
    }
  });

  it("names the variable and what is wrong with it", () => {
    expect(() => readEnv({ DATABASE_URL: "postgres://x" })).toThrow(/DATABASE_URL must start with file:, libsql:\/\//);
    expect(() => readEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET must be at least 32 characters/);
    expect(() => readEnv({ ADMIN_EMAIL: "a@b.test" })).toThrow(/ADMIN_EMAIL and ADMIN_PASSWORD go together/);
    expect(() => readEnv({ PORT: "http" })).toThrow(/PORT/);
  });

  it('names the clinic on patients\' pages, "Your clinic" when unset', () => {
    expect(readEnv({}).clinicName).toBe("Your clinic");
    expect(readEnv({ CLINIC_NAME: "  Harbour Physio " }).clinicName).toBe("Harbour Physio");
  });

  it("reads the clinic's details and the handout paper, refusing a logo that cannot print", () => {
    expect(readEnv({})).toMatchObject({ clinic: { name: "", contact: "", logoPath: undefined }, handoutPaper: "A4" });
    expect(
      readEnv({ HANDOUT_PAPER: "letter", CLINIC_NAME: " Harbour Physio ", CLINIC_CONTACT: "01234 567890\\nharbour.example" }),
    ).toMatchObject({
      clinic: { name: "Harbour Physio", contact: "01234 567890\nharbour.example" },
      handoutPaper: "LETTER",
    });
    const logo = path.join(__dirname, "..", "e2e", "fixtures", "figure.png");
    expect(readEnv({ CLINIC_LOGO_PATH: path.relative(process.cwd(), logo) }).clinic.logoPath).toBe(logo);
    expect(() => readEnv({ HANDOUT_PAPER: "A3" })).toThrow(/HANDOUT_PAPER must be A4 or LETTER/);
    expect(() => readEnv({ CLINIC_LOGO_PATH: "/nonexistent/logo.png" })).toThrow(/CLINIC_LOGO_PATH must be the path of a PNG or JPEG file/);
    expect(() => readEnv({ CLINIC_LOGO_PATH: __filename })).toThrow(/CLINIC_LOGO_PATH/);
  });

  it("treats empty variables as unset", () => {
    expect(readEnv({ DATABASE_URL: "", APP_URL: "" }).isRemoteDatabase).toBe(false);
  });
});

describe("content security policy", () => {
  it("forbids framing and allows only this nonce's scripts", () => {
    const csp = contentSecurityPolicy("abc123");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("object-src 'none'");
  });
});
