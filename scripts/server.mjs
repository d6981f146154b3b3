// The production server `npm start` runs: Next.js behind a plain Node HTTP server, for two reasons.
// (1) Next.js gives route handlers and actions no way to read the socket's address, and fills in
// X-Forwarded-For from the socket only when the client sent none. So this server stamps the socket's
// peer on every request in a header of its own, after deleting any copy the client sent
// (lib/auth/client-address.ts reads it, with TRUST_PROXY deciding how far to believe X-Forwarded-For).
// (2) The patient's page (GET and HEAD of /r/{token}) is answered here, before Next: Next's own work per
// request costs several times what the page costs. The same function as Next's route handler renders it
// (lib/share/patient-page-server.ts, bundled by `npm run build`).
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import next from "next";

const socketAddressHeader = "x-routine-socket-address";
const port = Number(process.env.PORT ?? 3000);
const patientPageModule = path.join(process.cwd(), ".next", "routine", "patient-page-server.mjs");
if (!existsSync(patientPageModule)) {
  console.error(`${patientPageModule} is missing: run \`npm run build\` (or \`npm start\`, which builds when needed).`);
  process.exit(1);
}

const app = next({ dev: false, port, dir: process.cwd() });
const handle = app.getRequestHandler();

await app.prepare();
const patientPage = await import(pathToFileURL(patientPageModule).href);

const gzipped = promisify(gzip);

async function answerPatientPage(request, response, token) {
  try {
    const answer = await patientPage.servePatientPage(request.method, request.url, token);
    let body = answer.body;
    const headers = { ...answer.headers, Vary: "Accept-Encoding" };
    // Compressed as Next compresses its responses (gzip, zlib's default level; in the thread pool, off the event loop).
    if (request.method === "GET" && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) {
      body = await gzipped(body);
      headers["Content-Encoding"] = "gzip";
    }
    headers["Content-Length"] = String(Buffer.byteLength(body));
    response.writeHead(answer.status, headers);
    response.end(body); // Node sends no body for a HEAD
  } catch (error) {
    console.error("The patient's page failed outside its handler", error);
    if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
    response.end("Something went wrong. Please try again.");
  }
}

const server = createServer((request, response) => {
  delete request.headers[socketAddressHeader];
  request.headers[socketAddressHeader] = request.socket.remoteAddress ?? "";
  const token = patientPage.fastPatientPageToken(request.method, request.url);
  if (token !== null) void answerPatientPage(request, response, token);
  else void handle(request, response);
});
server.listen(port, () => console.log(`Listening on port ${port}.`));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () =>
    server.close(async () => {
      // Opens of patient pages are written in batches (lib/share/open-counter.ts): write what is pending.
      await patientPage.flushShareLinkOpens();
      process.exit(0);
    }),
  );
}
