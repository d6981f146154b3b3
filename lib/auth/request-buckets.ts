import "server-only";
import { clientAddress } from "./client-address";
import { verifiedDeviceId } from "./device-cookie";
import { signInBuckets, type SignInBuckets } from "./throttle";

/** The throttle buckets of a sign-in request: its client address, and its device cookie for this email if any. */
export function requestSignInBuckets(email: string, headers: Headers): SignInBuckets {
  return signInBuckets(email, clientAddress(headers), verifiedDeviceId(email, headers.get("cookie")));
}
