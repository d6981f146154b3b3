"use client";
import { useEffect, useMemo } from "react";
import { acceptedImageTypes, maxImageBytes } from "@/lib/exercises/image-limits";

export type PendingPictures = { files: File[]; alt: string };

type Props = { value: PendingPictures; onChange: (value: PendingPictures) => void };

/** A sentence for a file the server would refuse anyway, so it is never held back until after the save. */
export function pendingPictureProblem(file: File): string | null {
  if (!(acceptedImageTypes as readonly string[]).includes(file.type)) return `${file.name} is not a PNG, JPEG or WebP picture.`;
  if (file.size > maxImageBytes) return `${file.name} is larger than ${maxImageBytes / 1024 / 1024} MB.`;
  return null;
}

/**
 * Pictures chosen before the exercise's first save: held in the browser and uploaded, through the same checked
 * endpoint as later uploads, as soon as the exercise exists.
 */
export function PendingPicturesField({ value, onChange }: Props) {
  const previews = useMemo(() => value.files.map((file) => URL.createObjectURL(file)), [value.files]);
  useEffect(() => () => previews.forEach((url) => URL.revokeObjectURL(url)), [previews]);
  const problems = value.files.map(pendingPictureProblem).filter(Boolean);

  return (
    <section className="card stack" aria-labelledby="pending-pictures-heading">
      <h2 id="pending-pictures-heading">Pictures</h2>
      <p className="hint" style={{ margin: 0 }}>
        Added when you create the exercise. PNG, JPEG or WebP, up to {maxImageBytes / 1024 / 1024} MB each.
      </p>
      {value.files.length > 0 && (
        <ul className="gallery plain" aria-label="Pictures to add">
          {value.files.map((file, i) => (
            <li key={`${file.name}-${i}`} data-testid="pending-picture">
              <figure>
                {/* eslint-disable-next-line @next/next/no-img-element -- a local preview of a file not uploaded yet */}
                <img src={previews[i]} alt="" width={96} height={96} />
                <figcaption className="toolbar">
                  <span>{file.name}</span>
                  <button
                    type="button"
                    className="button link"
                    onClick={() => onChange({ ...value, files: value.files.filter((_, j) => j !== i) })}
                  >
                    Remove {file.name}
                  </button>
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      )}
      {problems.length > 0 && (
        <p className="error" role="alert">
          {problems.join(" ")}
        </p>
      )}
      <div className="field">
        <label htmlFor="pending-image-file">Choose pictures</label>
        <input
          id="pending-image-file"
          type="file"
          accept={acceptedImageTypes.join(",")}
          multiple
          onChange={(e) => {
            const chosen = [...(e.target.files ?? [])];
            e.target.value = "";
            if (chosen.length) onChange({ ...value, files: [...value.files, ...chosen] });
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="pending-image-alt">Description (alt text)</label>
        <span className="hint">What the pictures show, for people who cannot see them.</span>
        <input id="pending-image-alt" maxLength={300} value={value.alt} onChange={(e) => onChange({ ...value, alt: e.target.value })} />
      </div>
    </section>
  );
}
