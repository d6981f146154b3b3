/**
 * `npm start`: validate configuration, make sure a session secret exists, build if the build is missing
 * or older than the sources, then serve. The server migrates and seeds itself at start (instrumentation.ts).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { resolveAuthSecret } from "../lib/auth/secret";
import { readEnv } from "../lib/env-schema";
import { serverNodeArgs } from "./server-node-args";
import { buildPatientPageServer, patientPageBundle } from "./build-patient-page";

const root = path.resolve(__dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

function newestSourceTime(): number {
  const watched = [
    "app",
    "components",
    "lib",
    "db",
    "proxy.ts",
    "instrumentation.ts",
    "next.config.ts",
    "package-lock.json",
    "tsconfig.json",
  ];
  let newest = 0;
  const visit = (p: string) => {
    const stat = statSync(p);
    if (stat.isDirectory()) for (const name of readdirSync(p)) visit(path.join(p, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of watched) if (existsSync(path.join(root, entry))) visit(path.join(root, entry));
  return newest;
}

/** `npm run build`'s two steps: Next's build, then the patient page's fast path (scripts/build-patient-page.ts). */
async function buildIfNeeded(): Promise<void> {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const built = [buildId, patientPageBundle];
  if (built.every((file) => existsSync(file) && statSync(file).mtimeMs >= newestSourceTime())) return;
  console.log(
    existsSync(buildId) ? "Sources changed since the last build: rebuilding…" : "No build yet: building the app (a minute or two, once)…",
  );
  const result = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  await buildPatientPageServer();
}

async function waitUntilHealthy(url: string, child: ReturnType<typeof spawn>): Promise<boolean> {
  for (let i = 0; i < 240 && child.exitCode === null; i++) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function main() {
  let config;
  try {
    config = readEnv(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const authSecret = resolveAuthSecret(config.authSecret, config.dataDir);
  await buildIfNeeded();

  // Our own small server around Next.js, so the app can tell the socket's address (see scripts/server.mjs).
  const child = spawn(process.execPath, [...serverNodeArgs, path.join(root, "scripts", "server.mjs")], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, PORT: String(config.port), AUTH_SECRET: authSecret, NODE_ENV: "production" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

  const local = `http://localhost:${config.port}`;
  if (await waitUntilHealthy(`${local}/api/health`, child)) {
    console.log(`\nRoutine is ready at ${local}${config.appUrl !== local ? ` (public address ${config.appUrl})` : ""}.`);
    console.log(`First time here? Open ${local}/setup to create the admin account, or set ADMIN_EMAIL and ADMIN_PASSWORD.\n`);
  }
}

void main();
