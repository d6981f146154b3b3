import type { ReactNode } from "react";
import "@/components/share/patient-routine.css";

/** The patient's pages: their own calm, large-type styles on top of the app's base. */
export default function PatientLayout({ children }: { children: ReactNode }) {
  return <div className="patient-page">{children}</div>;
}
