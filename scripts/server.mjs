// The production server `npm start` runs: Next.js behind a plain Node HTTP server, for one reason —
// Next.js gives route handlers and actions no way to read the socket's address, and fills in
// X-Forwarded-For from the socket only when the client sent none. So this server stamps the socket's
// peer on every request in a header of its own, after deleting any copy the client sent
// (lib/auth/client-address.ts reads it, with TRUST_PROXY deciding how far to believe X-Forwarded-For).
import { createServer } from "node:http";
import next from "next";

const socketAddressHeader = "x-routine-socket-address";
const port = Number(process.env.PORT ?? 3000);
const app = next({ dev: false, port, dir: process.cwd() });
const handle = app.getRequestHandler();

await app.prepare();
const server = createServer((request, response) => {
  delete request.headers[socketAddressHeader];
  request.headers[socketAddressHeader] = request.socket.remoteAddress ?? "";
  void handle(request, response);
});
server.listen(port, () => console.log(`Listening on port ${port}.`));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
