/** How long a server in this thread takes to answer while other work runs: a stand-in for /api/health. */
import { createServer, get } from "node:http";
import type { AddressInfo } from "node:net";

export const idleFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Pings an HTTP server that lives in this same thread, one request every 5 ms, while `work` runs; returns
 * each answer's delay in milliseconds, counted from when the ping was due. A blocked event loop both sends
 * late and answers late, and both count.
 */
export async function pingWhile(work: () => Promise<unknown>): Promise<number[]> {
  const server = createServer((_req, res) => res.end("ok"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const samples: number[] = [];
  let done = false;
  const pinging = (async () => {
    let due = performance.now();
    while (!done) {
      await new Promise<void>((resolve, reject) =>
        get({ host: "127.0.0.1", port, path: "/health", agent: false }, (res) => res.resume().on("end", resolve)).on("error", reject),
      );
      samples.push(performance.now() - due);
      due = performance.now() + 5;
      await idleFor(5);
    }
  })();
  await idleFor(20); // the first pings go out before the work starts
  await work();
  done = true;
  await pinging;
  await new Promise((resolve) => server.close(resolve));
  return samples;
}
