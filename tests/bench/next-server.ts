/**
 * The production server for a benchmark (scripts/server.mjs, what `npm start` runs: Next behind our own
 * Node server, which answers the patient's page itself): on a free port, against a prepared data directory,
 * stopped afterwards.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { serverNodeArgs } from "../../scripts/server-node-args";

const root = path.resolve(__dirname, "..", "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function waitForHealth(url: string, exited: () => boolean): Promise<void> {
  for (let i = 0; i < 240 && !exited(); i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("The server did not become healthy.");
}

/** CPU time a process has used so far, user and system, in ms (Linux's /proc; NaN elsewhere). */
function processCpuMs(pid: number): number {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, after the command name in parentheses, in clock ticks (100 per second).
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** Throws at once, before any setup, when there is no production build to start. */
export function requireBuild(): void {
  const built = [path.join(root, ".next", "BUILD_ID"), path.join(root, ".next", "routine", "patient-page-server.mjs")];
  if (!built.every((file) => existsSync(file))) throw new Error("No production build: run `npm run build` first.");
}

/**
 * Runs `run(baseUrl)` against a production server on `dataDir` (the database file's folder, closed by the
 * caller first); prints the server's log if `run` fails.
 */
export async function withNextServer<T>(
  dataDir: string,
  run: (base: string, server: { cpuMs: () => number }) => Promise<T>,
  env: Record<string, string> = {},
): Promise<T> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server: Node refuses them in NODE_OPTIONS.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const server = spawn(process.execPath, [...serverNodeArgs, ...nodeArgs, path.join(root, "scripts", "server.mjs")], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      DATA_DIR: dataDir,
      APP_URL: base,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  server.stdout.on("data", (d) => (log += d));
  server.stderr.on("data", (d) => (log += d));
  try {
    await waitForHealth(base, () => server.exitCode !== null);
    return await run(base, { cpuMs: () => processCpuMs(server.pid!) });
  } catch (error) {
    console.error(log);
    throw error;
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
}
