import type { NextConfig } from "next";
import { baselineHeaders } from "./lib/security/headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native modules load from node_modules at run time instead of being bundled.
  serverExternalPackages: ["@libsql/client", "libsql", "@node-rs/argon2"],
  experimental: { authInterrupts: true },
  async headers() {
    return [{ source: "/:path*", headers: baselineHeaders }];
  },
};

export default nextConfig;
