import path from "node:path";
import { sqldBinary } from "../helpers/sqld";

// Ports can be moved with E2E_PORT_BASE when these are taken on a developer's machine.
const base = Number(process.env.E2E_PORT_BASE ?? 3100);

const server = (offset: number) => ({ port: base + offset, url: `http://localhost:${base + offset}` });

export const e2e = {
  main: server(0),
  freshA: server(1),
  freshB: server(2),
  // Its own embedded database, for tests that change clinic-wide settings (the clinic's name, its policy): on
  // "main" they would change what tests running beside them read.
  settingsServer: server(3),
  // A local SMTP server the email test starts (tests/helpers/smtp-inbox.ts); the main app sends to it.
  smtp: { port: base + 25, from: "clinic@harbour.example" },
  sqld: { port: base + 80, url: `http://127.0.0.1:${base + 80}`, binary: sqldBinary() },
  admin: { email: "admin@e2e.test", password: "e2e admin password", name: "Avery Admin" },
  clinic: { name: "Harbour Physiotherapy", contact: "0117 496 0000 · 12 Quay Street, Bristol BS1 4DJ · harbourphysio.example" },
  sharedSecret: "e2e-only-secret-not-used-anywhere-else-0123456789",
  screenshots: path.join(__dirname, "..", "..", "docs", "screenshots"),
};
