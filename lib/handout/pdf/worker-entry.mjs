// The render pool's worker file. A plain ES module, the one file here Node runs as it is: it compiles the
// TypeScript renderer through tsx (a dependency; Node 20 cannot strip types itself) with the project's
// tsconfig, so the server, the unit tests and the benchmark all run the same code. Next's bundler never
// sees this folder: it is loaded by path at run time (lib/handout/render-handout.ts).
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

// React's production build: the development one checks every element and keeps its owner stack, which made
// a render about a third slower (it was what a worker loaded when the parent process, such as the
// benchmark, had NODE_ENV unset). A worker's environment is its own copy.
process.env.NODE_ENV = "production";

await tsImport("./render-worker.ts", {
  parentURL: import.meta.url,
  tsconfig: fileURLToPath(new URL("../../../tsconfig.json", import.meta.url)),
});
