import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { findUserByEmail } from "@/lib/users/accounts";
import { signInInput } from "@/lib/users/schemas";
import { clientAddress } from "./client-address";
import { authConfig } from "./config";
import { deviceCookiePolicy, issueDeviceCookie } from "./device-cookie";
import { createLogLimiter } from "./log-limiter";
import { decoyPasswordHash, verifyPassword } from "./password";
import { requestSignInBuckets } from "./request-buckets";
import { resolveAuthSecret } from "./secret";
import { endSession, findLiveSessionUser, hashSessionId, startSession } from "./server-sessions";
import { mintSessionUser, type SessionUser } from "./session-user";
import { clearAccountFailures, releaseSignInAttempt, reserveSignInAttempt } from "./throttle";

// A cookie that does not decrypt (an old secret, tampering) is one short line a minute, never a stack trace.
const logInvalidCookie = createLogLimiter(60_000);

// The user each checked token belongs to, handed from the jwt callback to the session callback of one call.
const checkedUsers = new WeakMap<object, SessionUser>();

/** Thrown by authorize() when the account or client has failed too often; the sign-in form explains. */
export class SignInThrottled extends CredentialsSignin {
  code = "throttled";
}

// A function, not an object: the secret is resolved on first request, after start-up wrote it.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: resolveAuthSecret(env().authSecret, env().dataDir),
  logger: {
    // A failed or throttled sign-in is an expected outcome, not a server error worth a stack trace.
    error(error: Error) {
      if (error instanceof CredentialsSignin) return;
      if ((error as { type?: string }).type === "JWTSessionError") {
        logInvalidCookie(
          `Ignored an invalid session cookie (${(error.cause as { err?: Error } | undefined)?.err?.message ?? "could not be read"}).`,
        );
        return;
      }
      console.error(error);
    },
  },
  callbacks: {
    ...authConfig.callbacks,
    // Every read of the cookie checks its session row: a signed-out, idle, expired or disabled session gets
    // null, which makes Auth.js clear the cookie (GET /api/auth/session never re-issues a dead one).
    async jwt({ token, user }) {
      if (user) return authConfig.callbacks.jwt({ token, user });
      const found = await findLiveSessionUser(await getDb(), token as { uid?: number; sv?: number; sid?: string });
      if (!found) return null;
      checkedUsers.set(token, mintSessionUser(found));
      return token;
    },
    session({ session, token }) {
      const account = checkedUsers.get(token);
      // The session's row key (a hash, not the id) lets Settings mark "this browser".
      const sessionKey = typeof token.sid === "string" ? hashSessionId(token.sid) : undefined;
      return { ...session, account, sessionKey };
    },
  },
  events: {
    async signOut(message) {
      if ("token" in message && message.token) await endSession(await getDb(), message.token.sid);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = signInInput.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const db = await getDb();
        const buckets = requestSignInBuckets(email, request.headers);
        // Counted before the password is checked: parallel guesses cannot exceed the limit.
        const attempt = await reserveSignInAttempt(db, buckets);
        if (!attempt.reserved) throw new SignInThrottled();

        const user = await findUserByEmail(db, email);
        // Verify even for an unknown email so timing does not tell which emails have accounts.
        const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
        if (!user || !passwordOk || user.disabled) return null; // the reserved attempt stays, as a failure
        await clearAccountFailures(db, buckets);
        await releaseSignInAttempt(db, attempt);
        const device = issueDeviceCookie(email);
        (await cookies()).set(device.name, device.value, {
          httpOnly: true,
          sameSite: "lax",
          secure: env().appUrl.startsWith("https:"),
          path: "/",
          maxAge: deviceCookiePolicy.maxAgeSeconds,
        });
        const sid = await startSession(db, user.id, {
          userAgent: request.headers.get("user-agent"),
          clientAddress: clientAddress(request.headers),
        });
        return { id: String(user.id), email: user.email, name: user.name, sessionVersion: user.sessionVersion, sid };
      },
    }),
  ],
}));
