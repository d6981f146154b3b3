import { createConnection, createServer, type Server, type Socket } from "node:net";

export type LatencyProxy = { url: string; setRoundTripMs: (ms: number) => void; close: () => Promise<void> };

/**
 * A TCP proxy on 127.0.0.1 in front of a local server that holds every chunk for half a round trip in each
 * direction, so a database on this machine answers as one in another building (20 ms) or region (60 ms) would.
 * Chunks keep their order: every chunk in one direction waits the same time. Change the delay only between
 * measurements, while no request is in flight.
 */
export async function startLatencyProxy(targetPort: number): Promise<LatencyProxy> {
  let oneWayMs = 0;
  const sockets = new Set<Socket>();
  const forward = (from: Socket, to: Socket) => {
    from.on("data", (chunk) => {
      if (oneWayMs === 0) to.write(chunk);
      else setTimeout(() => to.writable && to.write(chunk), oneWayMs);
    });
    from.on("end", () => setTimeout(() => to.end(), oneWayMs));
    from.on("error", () => to.destroy());
  };
  const server: Server = createServer((client) => {
    const upstream = createConnection({ host: "127.0.0.1", port: targetPort });
    for (const socket of [client, upstream]) {
      socket.setNoDelay(true);
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    }
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    setRoundTripMs: (ms) => (oneWayMs = ms / 2),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
