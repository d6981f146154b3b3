import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Outside Next's server bundle "server-only" throws on import; the data layer is server code here anyway.
      "server-only": path.join(root, "tests/helpers/server-only-stub.ts"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    // Share-link tokens are derived under a key from AUTH_SECRET; without it the tests would write DATA_DIR/auth-secret.
    env: { AUTH_SECRET: "vitest-only-secret-never-used-elsewhere-0123456789" },
    hookTimeout: 60_000,
  },
});
