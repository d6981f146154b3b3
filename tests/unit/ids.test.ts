import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { idInput, idParam, parseId } from "@/lib/ids";

describe("the one id parser", () => {
  it("takes a positive safe integer, as a number or a string of digits", () => {
    expect(parseId(42)).toBe(42);
    expect(parseId("42")).toBe(42);
    expect(parseId(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("refuses what Number() and z.coerce.number() would have taken", () => {
    for (const value of [
      "",
      " 12",
      "12 ",
      "1e3",
      "0x10",
      "+5",
      "-1",
      "0",
      "1.5",
      "12abc",
      String(Number.MAX_SAFE_INTEGER + 2),
      0,
      -3,
      1.5,
      NaN,
      null,
      undefined,
      true,
      [7],
    ]) {
      expect(parseId(value), JSON.stringify(value)).toBeNull();
    }
  });

  it("names a refused field in one message", () => {
    const parsed = idInput.safeParse("1e3");
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.message)).toEqual(["Not a valid id."]);
  });

  it("turns a bad route segment into the 404 of what it names", () => {
    expect(idParam({ id: "7" }, "routine")).toBe(7);
    expect(() => idParam({ id: "seven" }, "routine")).toThrow(
      expect.objectContaining({ code: "not_found", message: "That routine does not exist." }),
    );
    expect(() => idParam({ id: "0" }, "exercise")).toThrow(AppError);
  });
});
