/**
 * Clinical words a clinician types, and the plain words the library is written in (the patient reads the
 * text, so it says "shoulder blades", not "scapulae"). A search for any word in `clinical` also finds the
 * exercises that use one of its `plain` words. Data, not code: add a line here to teach the search a word.
 * Words are lower case; a phrase is matched as a phrase ("shoulder blade" finds "shoulder blades" too).
 */
export type SearchSynonym = { clinical: readonly string[]; plain: readonly string[] };

export const searchSynonyms: readonly SearchSynonym[] = [
  // Neck and shoulders
  { clinical: ["cervical", "c-spine", "cspine"], plain: ["neck"] },
  { clinical: ["trapezius", "traps", "trap", "upper trapezius", "upper trap"], plain: ["trapezius", "neck"] },
  { clinical: ["levator", "levator scapulae", "levator scap"], plain: ["levator", "neck", "armpit"] },
  { clinical: ["sternocleidomastoid", "scm", "scalenes", "scalene"], plain: ["neck"] },
  {
    clinical: ["rhomboid", "rhomboids", "middle trapezius", "lower trapezius", "mid traps", "lower traps"],
    plain: ["shoulder blade", "squeeze"],
  },
  { clinical: ["scapula", "scapulae", "scapular", "scap", "scaps"], plain: ["shoulder blade", "scapula", "scapular"] },
  { clinical: ["scapular retraction", "retraction"], plain: ["shoulder blade squeeze", "retraction"] },
  {
    clinical: ["deltoid", "deltoids", "delts", "delt", "glenohumeral", "rotator cuff", "cuff", "supraspinatus", "infraspinatus"],
    plain: ["shoulder"],
  },
  { clinical: ["pectoral", "pectorals", "pectoralis", "pec", "pecs"], plain: ["chest"] },
  { clinical: ["latissimus", "latissimus dorsi", "lats", "lat"], plain: ["side reach", "overhead", "side stretch"] },
  // Spine and trunk
  { clinical: ["thoracic", "t-spine", "tspine", "dorsal"], plain: ["thoracic", "upper back", "mid back"] },
  { clinical: ["lumbar", "l-spine", "lumbosacral", "lumbopelvic"], plain: ["lower back"] },
  { clinical: ["kyphosis", "kyphotic", "slouch", "slouching"], plain: ["posture", "rounded"] },
  { clinical: ["erector spinae", "erectors", "paraspinals", "paraspinal"], plain: ["back", "spine"] },
  { clinical: ["abdominals", "abdominal", "abs", "transversus abdominis", "rectus abdominis", "obliques"], plain: ["core", "tummy"] },
  { clinical: ["costal", "intercostal", "intercostals", "rib cage"], plain: ["ribs"] },
  { clinical: ["diaphragmatic", "diaphragm"], plain: ["breathe", "breathing"] },
  { clinical: ["flexion"], plain: ["flexion", "bend forward", "chin"] },
  { clinical: ["extension"], plain: ["extension", "arch", "backbend"] },
  { clinical: ["lateral flexion", "side flexion", "side bending"], plain: ["side bend", "tilt", "side reach"] },
  // Arms
  { clinical: ["biceps", "bicep", "triceps", "tricep", "brachialis", "upper limb"], plain: ["arm", "arms"] },
  { clinical: ["epicondylitis", "tennis elbow", "golfers elbow", "olecranon"], plain: ["elbow"] },
  { clinical: ["carpal", "radiocarpal", "forearm flexors", "forearm extensors"], plain: ["wrist", "forearm"] },
  // Hips and legs
  { clinical: ["gluteal", "gluteus", "glute", "glutes", "gluteus medius", "piriformis"], plain: ["buttock", "hip", "hips"] },
  { clinical: ["iliopsoas", "psoas", "hip flexor", "hip flexors"], plain: ["hip", "front of your hip"] },
  { clinical: ["adductor", "adductors", "groin"], plain: ["inner thigh", "groin"] },
  { clinical: ["hamstring", "hamstrings", "hammies"], plain: ["back of your thigh", "hamstring"] },
  { clinical: ["quadriceps", "quads", "quad", "vastus medialis"], plain: ["front of your thigh", "thigh"] },
  { clinical: ["patellofemoral", "patella", "tibiofemoral", "acl", "menisci", "meniscus"], plain: ["knee"] },
  { clinical: ["gastrocnemius", "gastroc", "soleus", "triceps surae"], plain: ["calf", "calves"] },
  { clinical: ["achilles", "plantar fascia", "plantar", "talocrural", "dorsiflexion", "plantarflexion"], plain: ["ankle", "heel", "foot"] },
];
