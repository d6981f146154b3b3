/** What a picture upload may be: shared by the server's check and the editor's early warning in the browser. */
export const maxImageBytes = 5 * 1024 * 1024;
export const acceptedImageTypes = ["image/png", "image/jpeg", "image/webp"] as const;
