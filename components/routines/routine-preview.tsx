import { PatientRoutine } from "@/components/share/patient-routine";
import { toPatientRoutine, type PatientExerciseSource, type PatientRoutineSource } from "@/lib/routines/patient-routine";

type Props = {
  routine: PatientRoutineSource;
  exercises: Record<number, PatientExerciseSource>;
  patientName: string | null;
  clinicName: string;
};

/** The routine as the patient will read it, unsaved changes included: the patient's own page, without a link. */
export function RoutinePreview({ routine, exercises, patientName, clinicName }: Props) {
  const view = toPatientRoutine({ ...routine, title: routine.title || "Untitled routine" }, exercises);
  return (
    <PatientRoutine
      routine={view}
      displayName={patientName ?? "(the patient's name)"}
      clinicName={clinicName}
      updatedAt={null}
      link={null}
    />
  );
}
