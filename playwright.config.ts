import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { e2e } from "./tests/e2e/servers";

/**
 * End-to-end tests run against the production build (`npm run build` first, which `npm test` does) on
 * throwaway databases under tests/.tmp, never data/app.db:
 * - "main": an embedded libSQL file, with an admin created from ADMIN_EMAIL/ADMIN_PASSWORD;
 * - "fresh-a" and "fresh-b": two app instances sharing one real sqld server, starting with no account.
 */

// Debian's Chromium in CI; on a laptop, CHROMIUM_PATH or Playwright's own browser (npx playwright install).
function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

// Per port base, so two checkouts can run their suites side by side.
const tmp = path.join(__dirname, "tests", ".tmp", `e2e-${e2e.main.port}`);
const start = (name: string) => `rm -rf ${path.join(tmp, name)} && node_modules/.bin/tsx scripts/start.ts`;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: e2e.main.url,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      command: `rm -rf ${path.join(tmp, "sqld")} && ${e2e.sqld.binary} --http-listen-addr 127.0.0.1:${e2e.sqld.port} --db-path ${path.join(tmp, "sqld", "db")}`,
      url: `${e2e.sqld.url}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: start("main"),
      url: `${e2e.main.url}/api/health`,
      env: {
        PORT: String(e2e.main.port),
        DATA_DIR: path.join(tmp, "main"),
        APP_URL: e2e.main.url,
        ADMIN_EMAIL: e2e.admin.email,
        ADMIN_PASSWORD: e2e.admin.password,
        ADMIN_NAME: e2e.admin.name,
        // Printed on handouts (tests/e2e/handout.spec.ts).
        CLINIC_NAME: e2e.clinic.name,
        CLINIC_CONTACT: e2e.clinic.contact,
        CLINIC_LOGO_PATH: path.join(__dirname, "tests", "e2e", "fixtures", "clinic-logo.png"),
        // "Email the link" (tests/e2e/share-again.spec.ts reads what arrives).
        SMTP_URL: `smtp://e2e:e2e@127.0.0.1:${e2e.smtp.port}`,
        MAIL_FROM: e2e.smtp.from,
        NEXT_TELEMETRY_DISABLED: "1",
      },
      reuseExistingServer: false,
      timeout: 240_000,
    },
    {
      command: start("settings"),
      url: `${e2e.settingsServer.url}/api/health`,
      env: {
        PORT: String(e2e.settingsServer.port),
        DATA_DIR: path.join(tmp, "settings"),
        APP_URL: e2e.settingsServer.url,
        ADMIN_EMAIL: e2e.admin.email,
        ADMIN_PASSWORD: e2e.admin.password,
        ADMIN_NAME: e2e.admin.name,
        // The first-start defaults that Settings → Clinic then replaces (tests/e2e/clinic-settings.spec.ts).
        CLINIC_NAME: e2e.clinic.name,
        CLINIC_CONTACT: e2e.clinic.contact,
        NEXT_TELEMETRY_DISABLED: "1",
      },
      reuseExistingServer: false,
      timeout: 240_000,
    },
    ...(["freshA", "freshB"] as const).map((name) => ({
      command: start(name),
      url: `${e2e[name].url}/api/health`,
      env: {
        PORT: String(e2e[name].port),
        DATA_DIR: path.join(tmp, name),
        DATABASE_URL: e2e.sqld.url,
        // Instances behind one database share the session secret, as in any multi-instance deployment.
        AUTH_SECRET: e2e.sharedSecret,
        APP_URL: e2e[name].url,
        NEXT_TELEMETRY_DISABLED: "1",
      },
      reuseExistingServer: false,
      timeout: 240_000,
    })),
  ],
});
