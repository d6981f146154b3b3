import type { SeedTemplate } from "./types";

export const starterTemplates: SeedTemplate[] = [
  {
    key: "upper-back-pain-mobility",
    title: "Upper back pain — mobility",
    instructions:
      "This routine aims to ease stiffness in your upper back, neck and shoulders and help you move more comfortably. Try to do it once a day on most days of the week, working through the sections in order. Move slowly, breathe steadily and stay within a range that feels comfortable: a mild stretch or some effort is fine, but pain should not build up. If your pain increases, ease off by doing fewer repetitions or smaller movements, or leave out the exercise that bothers you. Contact your clinician if your pain keeps getting worse, or if you notice numbness or tingling in your arms or hands.",
    sections: [
      {
        title: "Warm-up",
        items: [{ exerciseKey: "shoulder-rolls" }, { exerciseKey: "neck-rolls" }],
      },
      {
        title: "Mobility",
        items: [
          { exerciseKey: "cat-cow", note: "If kneeling is uncomfortable, do the desk cat-cow in a chair instead." },
          { exerciseKey: "open-book-rotation" },
          {
            exerciseKey: "wall-angels",
            note: "Only slide as high as you can while keeping your arms close to the wall.",
          },
          { exerciseKey: "thoracic-extension-over-chair" },
        ],
      },
      {
        title: "Stretches",
        items: [
          { exerciseKey: "doorway-chest-stretch" },
          { exerciseKey: "upper-trapezius-stretch" },
          { exerciseKey: "levator-scapulae-stretch" },
        ],
      },
      {
        title: "Cool-down",
        items: [{ exerciseKey: "seated-spinal-twist" }],
      },
    ],
  },
];
