import type { NextAuthConfig } from "next-auth";

/**
 * The part of the Auth.js configuration the proxy also loads: no database, no password hashing.
 * Sessions are signed JWT cookies carrying a session id; lib/auth/index.ts checks its `user_sessions` row
 * (and the account's session version) on every read, so sign-out, idle time, a disabled user or a changed
 * password ends them at once.
 */
export const authConfig = {
  trustHost: true,
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        token.sid = (user as { sid?: string }).sid;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid as number | undefined, sv: token.sv as number | undefined };
    },
  },
} satisfies NextAuthConfig;
