/**
 * Embedded file vs libSQL server: the dashboard's queries and a sign-in's password check, measured side by
 * side in one run so the ratio means something on a noisy shared machine.
 */
import { openDb, type Db } from "../../db/client";
import { getDashboardSummary } from "../../lib/dashboard/get-dashboard-summary";
import { hashPassword, verifyPassword } from "../../lib/auth/password";
import { mintSessionUser } from "../../lib/auth/session-user";
import { prepareDatabase } from "../../lib/startup/prepare-database";
import { startSqld } from "../helpers/sqld";
import { createTempDb } from "../helpers/temp-db";
import { percentile, printTable, time } from "./stats";

const runs = 200;
const actor = mintSessionUser({ id: 1, email: "bench@clinic.test", name: "Bench", role: "admin" });

async function main() {
  const file = await createTempDb();
  const server = await startSqld();
  const remote = await openDb({ url: server.url });
  await prepareDatabase(file.db, {});
  await prepareDatabase(remote, {});

  const rows: Record<string, string | number>[] = [];
  const measure = async (label: string, db: Db) => {
    await time(20, () => getDashboardSummary(db, actor)); // warm up
    const samples = await time(runs, () => getDashboardSummary(db, actor));
    rows.push({ case: label, runs, "median ms": percentile(samples, 50), "p95 ms": percentile(samples, 95) });
    return percentile(samples, 50);
  };
  const fileMedian = await measure("dashboard counts, embedded file", file.db);
  const serverMedian = await measure("dashboard counts, sqld over HTTP", remote);

  const hash = await hashPassword("benchmark password");
  const verify = await time(30, () => verifyPassword(hash, "benchmark password"));
  rows.push({ case: "argon2id verify (sign-in)", runs: 30, "median ms": percentile(verify, 50), "p95 ms": percentile(verify, 95) });

  printTable(rows);
  console.log(`\nsqld / embedded median ratio: ${(serverMedian / fileMedian).toFixed(1)}×`);

  remote.$client.close();
  await server.stop();
  file.close();
}

void main();
