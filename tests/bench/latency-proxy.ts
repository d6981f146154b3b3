import { fork } from "node:child_process";
import { createConnection, createServer, type Socket } from "node:net";

export type LatencyProxy = { url: string; setRoundTripMs: (ms: number) => Promise<void>; close: () => Promise<void> };

/**
 * A TCP proxy on 127.0.0.1 in front of a local server that holds every chunk for half a round trip in each
 * direction, so a database on this machine answers as one in another building (20 ms) or region (60 ms) would.
 * Chunks keep their order: every chunk in one direction waits the same time. It runs in its own process, so
 * nothing the benchmark does (load generation, a native call that blocks) can hold it up. Change the delay only
 * between measurements, while no request is in flight.
 */
export async function startLatencyProxy(targetPort: number): Promise<LatencyProxy> {
  const child = fork(__filename, [String(targetPort)], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const reply = () => new Promise<{ port: number }>((resolve) => child.once("message", (m) => resolve(m as { port: number })));
  const { port } = await reply();
  return {
    url: `http://127.0.0.1:${port}`,
    setRoundTripMs: async (ms) => {
      const done = reply();
      child.send({ roundTripMs: ms });
      await done;
    },
    close: () => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once("exit", () => resolve()), child.kill()))),
  };
}

function serve(targetPort: number): void {
  let oneWayMs = 0;
  const forward = (from: Socket, to: Socket) => {
    from.on("data", (chunk) => {
      if (oneWayMs === 0) to.write(chunk);
      else setTimeout(() => to.writable && to.write(chunk), oneWayMs);
    });
    from.on("end", () => setTimeout(() => to.end(), oneWayMs));
    from.on("error", () => to.destroy());
  };
  const server = createServer((client) => {
    const upstream = createConnection({ host: "127.0.0.1", port: targetPort });
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    forward(client, upstream);
    forward(upstream, client);
  });
  server.listen(0, "127.0.0.1", () => process.send!({ port: (server.address() as { port: number }).port }));
  process.on("message", (message: { roundTripMs: number }) => {
    oneWayMs = message.roundTripMs / 2;
    process.send!({ port: 0 });
  });
  process.on("disconnect", () => process.exit(0));
}

if (require.main === module) serve(Number(process.argv[2]));
