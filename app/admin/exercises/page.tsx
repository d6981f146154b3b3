import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listExercises } from "@/lib/exercises/list-exercises";
import { labelOf } from "@/lib/exercises/vocabulary";

export const metadata: Metadata = { title: "Exercises" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });

export default async function ExercisesPage() {
  const user = await requireUser();
  const exercises = await listExercises(await getDb(), user);
  return (
    <div className="stack">
      <div className="page-head">
        <h1>Exercises</h1>
        <span className="muted">{exercises.length} in the library</span>
      </div>
      <div className="table-wrap">
        <table className="table" aria-label="Exercise library">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Category</th>
              <th scope="col">Body regions</th>
              <th scope="col">Equipment</th>
              <th scope="col">Status</th>
              <th scope="col">Last edited</th>
            </tr>
          </thead>
          <tbody>
            {exercises.map((e) => (
              <tr key={e.id}>
                <td>
                  <strong>{e.name}</strong>
                  <br />
                  <span className="muted">{e.summary}</span>
                </td>
                <td>{labelOf(e.category)}</td>
                <td>
                  {e.bodyRegions.map((r) => (
                    <span key={r} className="badge grey">
                      {labelOf(r)}
                    </span>
                  ))}
                </td>
                <td>{e.equipment.length ? e.equipment.map(labelOf).join(", ") : <span className="muted">None</span>}</td>
                <td>
                  <span className={e.status === "published" ? "badge" : "badge warn"}>{labelOf(e.status)}</span>
                </td>
                <td>{dateFormat.format(e.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
