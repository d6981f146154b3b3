import { defineConfig } from "drizzle-kit";

// Used by `drizzle-kit generate` only: migrations are applied by the app itself (db/migrate.ts).
export default defineConfig({
  dialect: "turso",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  dbCredentials: { url: process.env.DATABASE_URL ?? "file:./data/app.db" },
  strict: true,
});
