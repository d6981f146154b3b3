import { ActionForm } from "@/components/ui/action-form";
import type { ActionResult } from "@/lib/errors";
import type { ExerciseImageView } from "@/lib/exercises/queries";
import { ImageUploader } from "./image-uploader";

type ImageAction = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

type Props = {
  exerciseId: number;
  images: ExerciseImageView[];
  /** The picture actions, passed in by the page. */
  actions: { updateAlt: ImageAction; makeMain: ImageAction; remove: ImageAction };
};

/** The exercise's pictures: the first is the main one (list thumbnail, handout, patient page). */
export function ExerciseImages({ exerciseId, images, actions }: Props) {
  return (
    <section className="card stack" aria-labelledby="pictures-heading">
      <h2 id="pictures-heading">Pictures</h2>
      {images.length === 0 ? (
        <p className="muted">No pictures yet.</p>
      ) : (
        <div className="gallery">
          {images.map((image, i) => (
            <figure key={image.id} data-testid="exercise-image">
              {/* eslint-disable-next-line @next/next/no-img-element -- content-addressed, cached for a year */}
              <img src={image.url} alt={image.alt} width={96} height={96} />
              <figcaption className="stack" style={{ gap: "0.5rem" }}>
                <span>
                  {i === 0 ? <span className="badge">Main picture</span> : null}
                  <span className="muted">
                    {image.width && image.height ? `${image.width}×${image.height} · ` : ""}
                    {Math.ceil(image.byteSize / 1024)} KB
                  </span>
                </span>
                <ActionForm action={actions.updateAlt} className="toolbar">
                  <input type="hidden" name="exerciseId" value={exerciseId} />
                  <input type="hidden" name="imageId" value={image.id} />
                  <label className="visually-hidden" htmlFor={`alt-${image.id}`}>
                    Description of picture {i + 1}
                  </label>
                  <input
                    id={`alt-${image.id}`}
                    name="alt"
                    defaultValue={image.alt}
                    maxLength={300}
                    placeholder="Describe the picture"
                    style={{ flex: 1, padding: "0.4rem" }}
                  />
                  <button className="button secondary" type="submit">
                    Save description
                  </button>
                </ActionForm>
                <div className="toolbar">
                  {i > 0 && (
                    <ActionForm action={actions.makeMain}>
                      <input type="hidden" name="exerciseId" value={exerciseId} />
                      <input type="hidden" name="imageId" value={image.id} />
                      <button className="button secondary" type="submit">
                        Make main picture
                      </button>
                    </ActionForm>
                  )}
                  <ActionForm action={actions.remove}>
                    <input type="hidden" name="exerciseId" value={exerciseId} />
                    <input type="hidden" name="imageId" value={image.id} />
                    <button className="button danger" type="submit">
                      Remove
                    </button>
                  </ActionForm>
                </div>
              </figcaption>
            </figure>
          ))}
        </div>
      )}
      <ImageUploader exerciseId={exerciseId} />
    </section>
  );
}
