import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import exercises" };

// status=all: a backup should include archived exercises, which the list hides by default.
const exportUrl = (format: "json" | "csv") => `/api/admin/exercises/export?format=${format}&status=all`;

export default async function ImportExercisesPage() {
  await requireUser();
  return (
    <div className="stack">
      <div className="page-head">
        <h1>Import exercises</h1>
        <Link href="/admin/exercises">Back to exercises</Link>
      </div>
      <section className="card" aria-labelledby="formats-heading">
        <h2 id="formats-heading">Files you can import</h2>
        <ul>
          <li>
            <strong>JSON</strong> is a complete copy: every field and the pictures. Use it for backups and to move the library to another
            installation.
          </li>
          <li>
            <strong>CSV</strong> is for spreadsheets: every text, vocabulary and dose field, but CSV has no pictures, so an import from CSV
            leaves pictures as they are. Steps go one per line in their cell; body regions, equipment and tags are separated by “|”. Start
            from an export so every column is there.
          </li>
        </ul>
        <p>
          Each exercise is matched by its <strong>key</strong>: an exercise whose key is already in the library is updated, any other is
          added. Rows without a key are always added, with a key made from the name.
        </p>
        <p>
          Every row is checked before anything is saved. If any row has a problem, nothing is imported and each problem is listed by row
          (the first exercise is row 1; in a CSV, the line of column names is not counted).
        </p>
        <p>
          Download the whole library, archived exercises included: <a href={exportUrl("json")}>export as JSON</a> or{" "}
          <a href={exportUrl("csv")}>export as CSV</a>.
        </p>
      </section>
      <section className="card" aria-labelledby="import-heading">
        <h2 id="import-heading">Import a file</h2>
        <ImportForm />
      </section>
    </div>
  );
}
