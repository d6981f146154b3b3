import { env } from "@/lib/env";
import { clinicContactLines, inactiveLinkMessage, inactiveLinkTitle } from "@/lib/share/inactive";

/** Unknown, revoked and expired links all end here, alike: nothing tells which it was. */
export default function InactiveLink() {
  const { clinicName, clinic } = env();
  const lines = clinicContactLines(clinic.contact);
  return (
    <main className="patient patient-inactive">
      <p className="clinic">{clinicName}</p>
      <h1>{inactiveLinkTitle}</h1>
      <p>{inactiveLinkMessage}</p>
      {lines.length > 0 ? (
        <>
          <h2>Contact {clinicName}</h2>
          <ul>
            {lines.map((l) => (
              <li key={l.text}>{l.href ? <a href={l.href}>{l.text}</a> : l.text}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>Please contact {clinicName}.</p>
      )}
    </main>
  );
}
