// Runs once when the server starts (not during `next build`): bring the database up to date before
// the first request, so every instance of the app migrates and seeds itself.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  const { getDb } = await import("./lib/db");
  const { prepareDatabase } = await import("./lib/startup/prepare-database");
  const { resolveAuthSecret } = await import("./lib/auth/secret");
  const config = env();
  // The proxy's Auth.js reads AUTH_SECRET from the environment: hand it the generated one.
  process.env.AUTH_SECRET = resolveAuthSecret(config.authSecret, config.dataDir);
  const report = await prepareDatabase(await getDb(), { bootstrapAdmin: config.bootstrapAdmin });
  // Handout workers load React, react-pdf and the fonts now, in their own threads, not on the first download.
  const { warmHandoutRenderer } = await import("./lib/handout/render-handout");
  warmHandoutRenderer();
  const where = config.isRemoteDatabase ? new URL(config.databaseUrl).host : config.databaseUrl;
  console.log(
    `Database ready (${where}): ${report.exercisesAdded} starter exercises and ${report.templatesAdded} templates added; admin from environment: ${report.admin}.`,
  );
}
