/** `npm run bench`: runs every tests/bench/*.bench.ts in turn (or the ones named on the command line). */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

const dir = __dirname;
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

// These start the production server (scripts/server.mjs) on a build; the others call the lib functions directly.
const needsBuild = new Set(["share.bench.ts", "remote-db.bench.ts"]);
const built = existsSync(path.join(dir, "..", "..", ".next", "BUILD_ID"));

let failed = false;
for (const file of files) {
  console.log(`\n=== ${file}`);
  if (needsBuild.has(file) && !built) {
    console.log("No production build: run `npm run build` first.");
    failed = true;
    continue;
  }
  const result = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join(dir, file)], {
    stdio: "inherit",
  });
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
