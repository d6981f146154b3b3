// The render pool's worker file. A plain ES module, the one file here Node runs as it is: it compiles the
// TypeScript renderer through tsx (a dependency; Node 20 cannot strip types itself) with the project's
// tsconfig, so the server, the unit tests and the benchmark all run the same code. Next's bundler never
// sees this folder: it is loaded by path at run time (lib/handout/render-handout.ts).
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

await tsImport("./render-worker.ts", {
  parentURL: import.meta.url,
  tsconfig: fileURLToPath(new URL("../../../tsconfig.json", import.meta.url)),
});
