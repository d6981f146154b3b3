import type { MetadataRoute } from "next";

/** Nothing here is for search engines, least of all patients' links (which also send X-Robots-Tag: noindex). */
export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: "*", disallow: ["/r/", "/admin", "/api/"] } };
}
