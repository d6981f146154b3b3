const patientPagePath = /^\/r\/([^/]+)$/;

/** The token of a patient page's path (`/r/{token}`, nothing after it), or null for any other path. */
export function patientPageToken(pathname: string): string | null {
  return patientPagePath.exec(pathname)?.[1] ?? null;
}
