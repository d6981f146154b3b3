import { mirrorAngles } from "./joints";
import type { AnchorName, Arrow, Illustration, IllustrationFrame, PointRef, Prop } from "./schema";
import type { Vec3 } from "./vec";

/** The same exercise done to the other side: the exact left-right mirror image of the picture. */

const otherSide = (name: AnchorName): AnchorName =>
  name.startsWith("right")
    ? (`left${name.slice(5)}` as AnchorName)
    : name.startsWith("left")
      ? (`right${name.slice(4)}` as AnchorName)
      : name;

const flipZ = (v: Vec3): [number, number, number] => [v[0], v[1], v[2] === 0 ? 0 : -v[2]];
const neg = (v: number | undefined) => (v === undefined || v === 0 ? v : -v);

function mirrorPoint(ref: PointRef): PointRef {
  return {
    ...ref,
    ...(ref.at ? { at: otherSide(ref.at) } : {}),
    ...(ref.offset ? { offset: flipZ(ref.offset) } : {}),
  };
}

function mirrorProp(prop: Prop): Prop {
  switch (prop.kind) {
    case "wall":
      return { ...prop, side: prop.side === "left" ? "right" : prop.side === "right" ? "left" : prop.side };
    case "roller":
    case "pillow":
      return { ...prop, at: otherSide(prop.at) };
    case "band":
      return { ...prop, from: mirrorPoint(prop.from), to: mirrorPoint(prop.to) };
    default:
      return prop;
  }
}

function mirrorArrow(arrow: Arrow): Arrow {
  if (arrow.kind === "rotation") {
    const flips = arrow.axis !== "lateral";
    return {
      ...arrow,
      around: mirrorPoint(arrow.around),
      ...(flips ? { start: neg(arrow.start)!, sweep: neg(arrow.sweep)! } : {}),
    };
  }
  // A bow to the left of the line of travel becomes a bow to the right in the mirror image.
  return {
    ...arrow,
    from: mirrorPoint(arrow.from),
    to: mirrorPoint(arrow.to),
    ...(arrow.bend !== undefined ? { bend: neg(arrow.bend)! } : {}),
  };
}

function mirrorFrame(frame: IllustrationFrame): IllustrationFrame {
  const root = frame.pose.root;
  return {
    ...frame,
    pose: {
      ...(root
        ? {
            root: {
              ...root,
              ...(root.roll !== undefined ? { roll: neg(root.roll)! } : {}),
              ...(root.yaw !== undefined ? { yaw: neg(root.yaw)! } : {}),
              ...(root.z !== undefined ? { z: neg(root.z)! } : {}),
            },
          }
        : {}),
      angles: mirrorAngles(frame.pose.angles),
    },
    ...(frame.props ? { props: frame.props.map(mirrorProp) } : {}),
  };
}

export function mirrorIllustration(ill: Illustration): Illustration {
  return {
    ...ill,
    view: { ...ill.view, mirror: !ill.view.mirror },
    frames: ill.frames.map(mirrorFrame),
    props: ill.props.map(mirrorProp),
    arrows: ill.arrows.map(mirrorArrow),
    highlights: ill.highlights.map((h) => ({ ...h, at: mirrorPoint(h.at) })),
    ...(ill.drawnSide ? { drawnSide: ill.drawnSide === "left" ? "right" : "left" } : {}),
  };
}

/**
 * The illustration for a dose's side: mirrored when the dose says the other side from the one drawn.
 * "both", "each" or no side leave it as drawn.
 */
export function illustrationForSide(ill: Illustration, side: string | undefined): Illustration {
  if ((side === "left" || side === "right") && ill.drawnSide && ill.drawnSide !== side) return mirrorIllustration(ill);
  return ill;
}
