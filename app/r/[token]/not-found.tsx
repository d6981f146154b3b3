import { inactiveLinkMessage, inactiveLinkTitle } from "@/lib/share/inactive";

/** Unknown, revoked and expired links all end here, alike: nothing tells which it was. */
export default function InactiveLink() {
  return (
    <main className="patient patient-inactive">
      <h1>{inactiveLinkTitle}</h1>
      <p>{inactiveLinkMessage}</p>
    </main>
  );
}
