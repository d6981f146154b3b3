// Prettier's defaults (double quotes, semicolons, trailing commas) are already the house style; only the width
// differs: the code is written wide (comments wrap near 120, code lines run to ~140), and 140 reformats the
// fewest lines without letting lines grow past what a side-by-side review can show.
/** @type {import("prettier").Config} */
const config = {
  printWidth: 140,
};

export default config;
