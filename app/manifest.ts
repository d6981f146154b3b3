import type { MetadataRoute } from "next";

/** Lets a clinician add the admin area to a phone's or laptop's home screen, with the app's icon. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Routine",
    short_name: "Routine",
    description: "Home-exercise routines for clinicians and their patients.",
    start_url: "/admin",
    display: "standalone",
    background_color: "#f5f7f9",
    theme_color: "#0f6e6e",
    icons: [
      { src: "/icon.svg", type: "image/svg+xml", sizes: "any" },
      { src: "/apple-icon.png", type: "image/png", sizes: "180x180" },
    ],
  };
}
