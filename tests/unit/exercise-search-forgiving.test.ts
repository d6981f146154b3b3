import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedStarterContent } from "@/db/seed";
import { createExercise } from "@/lib/exercises/mutations";
import { exerciseInput, exerciseQuery } from "@/lib/exercises/schemas";
import { searchExercises, toFtsQuery } from "@/lib/exercises/search";
import { groupSynonyms } from "@/lib/exercises/search-words";
import { allowedEdits, suggestSpelling } from "@/lib/exercises/spelling";
import type { SessionUser } from "@/lib/users/accounts";
import { createTempDb, insertStaff, type TempDb } from "../helpers/temp-db";

let t: TempDb;
let ada: SessionUser;

beforeEach(async () => {
  t = await createTempDb();
  await seedStarterContent(t.db);
  ({ ada } = await insertStaff(t.db));
});
afterEach(() => t.close());

const search = (q: string, extra: Record<string, unknown> = {}) => searchExercises(t.db, exerciseQuery.parse({ q, ...extra }));
const names = async (q: string) => (await search(q)).items.map((i) => i.name);

describe("clinical words", () => {
  it("groups the longest clinical term and keeps plain words as they are", () => {
    expect(groupSynonyms(["Levator", "scapulae", "stretch"])).toEqual([
      { words: ["Levator", "scapulae"], plain: ["levator", "neck", "armpit"] },
      { words: ["stretch"], plain: [] },
    ]);
    expect(groupSynonyms(["rhom"])[0]!.plain).toEqual(["shoulder blade", "squeeze"]); // still typing
    expect(groupSynonyms(["rho"])[0]!.plain).toEqual([]); // too short to guess
  });

  it("writes an OR group per clinical term, still safe from FTS5 syntax", () => {
    expect(toFtsQuery("cervical")).toBe('("cervical"* OR "neck"*)');
    expect(toFtsQuery('rhomboid "x" OR')).toBe('("rhomboid"* OR "shoulder blade"* OR "squeeze"*) AND "x"* AND "OR"*');
    expect(toFtsQuery("stretch cervical pecs")).toBe('"stretch"* AND ("cervical"* OR "neck"*) AND ("pecs"* OR "chest"*)');
  });

  it("runs clinical words anywhere in the search", async () => {
    expect(await names("stretch levator")).toContain("Levator Scapulae Stretch");
    expect(await names("doorway pectoral stretch")).toContain("Doorway Chest Stretch");
  });

  it("finds the lay-worded exercises for the clinical words", async () => {
    expect(await names("rhomboid")).toContain("Scapular Retraction (Shoulder Blade Squeeze)");
    expect(await names("cervical")).toContain("Neck Rolls");
    expect(await names("traps")).toContain("Upper Trapezius Stretch");
    expect(await names("levator scapulae")).toContain("Levator Scapulae Stretch");
    expect(await names("pectoral")).toContain("Doorway Chest Stretch");
    expect(await names("scapula")).toEqual(expect.arrayContaining(["Scapular Clocks", "Scapular Retraction (Shoulder Blade Squeeze)"]));
    expect(await names("thoracic")).toContain("Seated Chair Rotation"); // tagged thoracic, and "upper back" too
    expect((await search("lumbar")).total).toBeGreaterThan(0);
  });
});

describe("typing slips", () => {
  it("allows no slip in short words, one in short-ish, two in long ones", () => {
    expect([allowedEdits("cat"), allowedEdits("neckk"), allowedEdits("thorasic")]).toEqual([0, 1, 2]);
  });

  it("finds the thoracic exercises for “thorasic” and says what it searched for", async () => {
    const result = await search("thorasic");
    expect(result.correctedQuery).toBe("thoracic");
    expect(result.total).toBe((await search("thoracic")).total);
    expect(result.items.map((i) => i.name)).toContain("Thoracic Spine Release");
  });

  it("corrects only the misspelt word, keeps filters, and leaves a good search alone", async () => {
    expect(await suggestSpelling(t.db, "sholder blade")).toBe("shoulder blade");
    expect(await suggestSpelling(t.db, "shoulder blade")).toBeNull();
    expect(await suggestSpelling(t.db, "shoulder bla")).toBeNull(); // a prefix being typed is not a slip
    expect(await suggestSpelling(t.db, "rhomboyd")).toBe("rhomboid"); // clinical words are known too
    const filtered = await search("strech", { category: "stretch", region: "neck" });
    expect(filtered.correctedQuery).toBe("stretch");
    for (const item of filtered.items) expect(item.bodyRegions).toContain("neck");
    expect((await search("neck")).correctedQuery).toBeNull();
  });

  it("suggests nothing when nothing is close, and finds nothing rather than something random", async () => {
    const result = await search("zzzz");
    expect(result).toMatchObject({ total: 0, correctedQuery: null });
    expect(await suggestSpelling(t.db, "qwertyuiop")).toBeNull();
  });

  it("learns the words of new exercises (once the word list is re-read)", async () => {
    await createExercise(
      t.db,
      ada,
      exerciseInput.parse({
        name: "Platypus Walk",
        summary: "x",
        steps: ["Walk."],
        category: "mobility",
        bodyRegions: ["feet"],
        position: "standing",
        difficulty: "easy",
        defaultDose: { reps: 1 },
        status: "published",
      }),
    );
    // A fresh clock reads the word list again (it is kept for a minute).
    expect(await suggestSpelling(t.db, "platypis", Date.now() + 120_000)).toBe("platypus");
  });
});
