"use client";
import { useMemo, useRef } from "react";
import { cameraFor, screenToWorldDelta } from "@/lib/illustrations/camera";
import { illustrationToGeometry } from "@/lib/illustrations/geometry";
import { IllustrationSvg } from "@/lib/illustrations/illustration-svg";
import { reach } from "@/lib/illustrations/reach";
import type { AnchorName, Illustration, Pose } from "@/lib/illustrations/schema";
import { solveUngrounded } from "@/lib/illustrations/skeleton";
import { add, type Vec3 } from "@/lib/illustrations/vec";

/** The hands and feet can be dragged: the limb follows (inverse kinematics), the rest of the pose stays. */
const handles: { at: AnchorName; side: "right" | "left"; label: string }[] = [
  { at: "rightHand", side: "right", label: "right hand" },
  { at: "leftHand", side: "left", label: "left hand" },
  { at: "rightAnkle", side: "right", label: "right foot" },
  { at: "leftAnkle", side: "left", label: "left foot" },
];

type Drag = {
  at: AnchorName;
  side: "right" | "left";
  pointer: number;
  start: { x: number; y: number };
  from: Vec3;
  pose: Pose;
  frame: number;
};

type Props = {
  illustration: Illustration;
  frame: number;
  /** A drag's new pose for the frame; `done` is false while the pointer is still down. */
  onPose: (pose: Pose, done: boolean) => void;
};

/** The live preview, with handles on the chosen frame's hands and feet to drag (mouse, pen or touch). */
export function IllustrationCanvas({ illustration, frame, onPose }: Props) {
  const geometry = useMemo(() => illustrationToGeometry(illustration), [illustration]);
  const overlay = useRef<SVGSVGElement>(null);
  const drag = useRef<Drag | null>(null);
  const pending = useRef<number | null>(null);
  const joints = geometry.frames[frame]?.joints;

  // Pointer position in picture units (the viewBox), whatever size the preview is drawn at.
  const toPicture = (clientX: number, clientY: number) => {
    const matrix = overlay.current?.getScreenCTM();
    if (!matrix) return { x: clientX, y: clientY };
    const inverse = matrix.inverse();
    return { x: inverse.a * clientX + inverse.c * clientY + inverse.e, y: inverse.b * clientX + inverse.d * clientY + inverse.f };
  };

  const move = (clientX: number, clientY: number, done: boolean) => {
    const d = drag.current;
    if (!d) return;
    const p = toPicture(clientX, clientY);
    const delta = screenToWorldDelta(cameraFor(illustration.view), p.x - d.start.x, p.y - d.start.y);
    onPose(reach(d.pose, d.side, d.at, add(d.from, delta)), done);
  };

  return (
    <div className="illustration-canvas">
      <IllustrationSvg geometry={geometry} className="illustration-preview" />
      {joints && (
        <svg ref={overlay} className="illustration-handles" viewBox={`0 0 ${geometry.width} ${geometry.height}`} aria-hidden="true">
          {handles.map((h) => (
            <circle
              key={h.at}
              cx={joints[h.at].x}
              cy={joints[h.at].y}
              r={Math.max(3, geometry.height / 40)}
              className="illustration-handle"
              data-handle={h.at}
              onPointerDown={(e) => {
                e.preventDefault();
                e.currentTarget.setPointerCapture(e.pointerId);
                const pose = illustration.frames[frame]!.pose;
                drag.current = {
                  at: h.at,
                  side: h.side,
                  pointer: e.pointerId,
                  start: toPicture(e.clientX, e.clientY),
                  from: solveUngrounded(pose.angles, pose.root).anchors[h.at],
                  pose,
                  frame,
                };
              }}
              onPointerMove={(e) => {
                if (drag.current?.pointer !== e.pointerId) return;
                const { clientX, clientY } = e;
                // One solve per animation frame: reach() is a small search, not free.
                if (pending.current === null)
                  pending.current = requestAnimationFrame(() => {
                    pending.current = null;
                    move(clientX, clientY, false);
                  });
              }}
              onPointerUp={(e) => {
                if (drag.current?.pointer !== e.pointerId) return;
                if (pending.current !== null) cancelAnimationFrame(pending.current);
                pending.current = null;
                move(e.clientX, e.clientY, true);
                drag.current = null;
              }}
              onPointerCancel={() => (drag.current = null)}
            >
              <title>{`Drag the ${h.label}`}</title>
            </circle>
          ))}
        </svg>
      )}
    </div>
  );
}
