/**
 * Part of `npm run build`, after `next build`: bundles the patient page's fast path
 * (lib/share/patient-page-server.ts) into .next/routine/patient-page-server.mjs for scripts/server.mjs, which is
 * plain Node and cannot load TypeScript or the "@/" paths. Packages stay in node_modules, loaded at run time
 * as Next's own server code loads them, so React and the database client are the ones Next uses.
 */
import path from "node:path";
import { build, type Plugin } from "esbuild";

const root = path.resolve(__dirname, "..");
export const patientPageBundle = path.join(root, ".next", "routine", "patient-page-server.mjs");

// "server-only" throws unless loaded under React's server condition, which react-dom/server refuses to load
// under. This bundle runs only in the server process, which is all the marker guards: it becomes empty.
const serverOnlyMarker: Plugin = {
  name: "server-only",
  setup(bundle) {
    bundle.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "server-only" }));
    bundle.onLoad({ filter: /.*/, namespace: "server-only" }, () => ({ contents: "" }));
  },
};

export async function buildPatientPageServer(): Promise<void> {
  await build({
    entryPoints: [path.join(root, "lib", "share", "patient-page-server.ts")],
    outfile: patientPageBundle,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    jsx: "automatic",
    // Stylesheets are read from disk and inlined by patient-page-html.ts; their imports only tell Next about them.
    loader: { ".css": "empty" },
    plugins: [serverOnlyMarker],
    logLevel: "warning",
  });
}

if (require.main === module) {
  void buildPatientPageServer().then(
    () => console.log(`Bundled the patient page's fast path: ${path.relative(root, patientPageBundle)}`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
