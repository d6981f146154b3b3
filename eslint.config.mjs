import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

const componentsReachDb = { group: ["@/db", "@/db/*", "**/db", "**/db/*"], message: "Components never import db/: go through lib/." };
const componentsReachApp = {
  group: ["@/app", "@/app/*", "**/app", "**/app/*"],
  message: "Components never import from app/: the page passes its server actions in as props.",
};
const dbReachesLib = {
  group: ["@/lib", "@/lib/*", "**/lib", "**/lib/*"],
  allowTypeImports: true,
  message: "db/ imports no values from lib/ (types only): data flows app → lib → db.",
};
const mintsSessionUser = {
  group: ["@/lib/auth/session-user", "**/auth/session-user"],
  importNames: ["mintSessionUser"],
  message: "Only lib/auth mints a SessionUser, from a session it checked: take one from authedAction/authedRoute.",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // An UPDATE or DELETE without WHERE rewrites every row: make that impossible to write by accident.
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
    },
  },
  // Data flows one way, app → lib → db. One config per folder, because a later no-restricted-imports
  // replaces an earlier one for the same file: each lists every pattern that applies there.
  {
    files: ["**/*.{ts,tsx,mts,mjs}"],
    ignores: ["lib/auth/**", "tests/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [mintsSessionUser] }] },
  },
  {
    files: ["components/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [mintsSessionUser, componentsReachDb, componentsReachApp] }] },
  },
  {
    files: ["db/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [mintsSessionUser, dbReachesLib] }] },
  },
  {
    // The starter drawings are content written with the figure model's pure helpers (lib/illustrations: no
    // database, no server-only code), so these two files may import its values.
    files: ["db/seed/illustrations.ts", "db/seed/illustration-poses.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [mintsSessionUser] }] },
  },
  globalIgnores([".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
]);
