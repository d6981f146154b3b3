// Letters that Unicode decomposition does not reduce to ASCII (ł is not "l + a mark"), and common Greek and
// Cyrillic letters, written the way their speakers usually spell them in Latin letters.
const letters: Record<string, string> = {
  ł: "l",
  Ł: "L",
  đ: "d",
  Đ: "D",
  ø: "o",
  Ø: "O",
  ß: "ss",
  æ: "ae",
  Æ: "AE",
  œ: "oe",
  Œ: "OE",
  þ: "th",
  Þ: "Th",
  ð: "d",
  Ð: "D",
  ı: "i",
  ħ: "h",
  Ħ: "H",
  α: "a",
  β: "v",
  γ: "g",
  δ: "d",
  ε: "e",
  ζ: "z",
  η: "i",
  θ: "th",
  ι: "i",
  κ: "k",
  λ: "l",
  μ: "m",
  ν: "n",
  ξ: "x",
  ο: "o",
  π: "p",
  ρ: "r",
  σ: "s",
  ς: "s",
  τ: "t",
  υ: "y",
  φ: "f",
  χ: "ch",
  ψ: "ps",
  ω: "o",
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  ґ: "g",
  д: "d",
  е: "e",
  ё: "yo",
  є: "ye",
  ж: "zh",
  з: "z",
  и: "i",
  і: "i",
  ї: "yi",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
};

function transliterate(char: string): string {
  const lower = char.toLowerCase();
  const latin = letters[char] ?? letters[lower];
  if (latin === undefined) return char;
  // An upper-case Greek or Cyrillic letter gives a capitalised Latin one: Ж → Zh, Ω → O.
  return char !== lower && latin === letters[lower] ? latin.charAt(0).toUpperCase() + latin.slice(1) : latin;
}

/** Text as a file-name part: ASCII letters and digits only, dashes between words, at most `max` characters. */
export function asciiSlug(text: string, max = 60): string {
  const ascii = [...text.normalize("NFKD").replace(/\p{M}/gu, "")].map(transliterate).join("");
  const slug = ascii
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
  return slug;
}

/**
 * What the download is called: `<patient>-<routine>-<date>.pdf`, e.g. `Lucja-Dvorak-Upper-back-pain-mobility-2026-05-11.pdf`.
 * Safe in any file system and any Content-Disposition header; a template says "template" where a patient would be.
 */
export function handoutFileName({ patientName, title, date }: { patientName: string | null; title: string; date: string }): string {
  const patient = patientName === null ? "template" : asciiSlug(patientName, 40) || "patient";
  return `${patient}-${asciiSlug(title) || "routine"}-${date}.pdf`;
}
