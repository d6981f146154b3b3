import type { NextConfig } from "next";
import { baselineHeaders, patientLinkHeaders } from "./lib/security/headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native modules load from node_modules at run time instead of being bundled.
  serverExternalPackages: ["@libsql/client", "libsql", "@node-rs/argon2"],
  experimental: { authInterrupts: true },
  async headers() {
    // Later rules override earlier ones key by key: /r/ gets its own Referrer-Policy instead of the baseline's.
    return [
      { source: "/:path*", headers: baselineHeaders },
      { source: "/r/:path*", headers: patientLinkHeaders },
    ];
  },
};

export default nextConfig;
