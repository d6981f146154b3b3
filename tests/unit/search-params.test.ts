import { describe, expect, it } from "vitest";
import { z } from "zod";
import { firstValues, hrefWith, readSearchParams } from "@/lib/search-params";

describe("firstValues", () => {
  it("keeps single values and takes the first of repeated ones", () => {
    expect(firstValues({ q: "neck", category: ["mobility", "stretch"], page: undefined })).toEqual({
      q: "neck",
      category: "mobility",
      page: undefined,
    });
  });
});

describe("hrefWith", () => {
  const raw = { q: "neck stretch", status: "published", page: "3" };

  it("changes one parameter and keeps the rest, URL-encoded", () => {
    expect(hrefWith(raw, { page: 4 })).toBe("?q=neck+stretch&status=published&page=4");
  });

  it("drops parameters changed to undefined or empty", () => {
    expect(hrefWith(raw, { page: undefined, status: "" })).toBe("?q=neck+stretch");
  });

  it("adds new parameters after the existing ones", () => {
    expect(hrefWith({ q: "a" }, { format: "csv" })).toBe("?q=a&format=csv");
  });

  it("leaves out repeated parameters and gives a bare ? when nothing is set", () => {
    expect(hrefWith({ tag: ["a", "b"] }, {})).toBe("?");
  });
});

describe("readSearchParams", () => {
  const schema = z.object({ q: z.string().default(""), page: z.coerce.number().int().min(1).catch(1) });

  it("parses the first values with the page's schema and links to the same view", async () => {
    const { query, linkTo } = await readSearchParams(Promise.resolve({ q: ["neck", "back"], page: "x", sort: "name" }), schema);
    expect(query).toEqual({ q: "neck", page: 1 });
    expect(linkTo({ page: 2 })).toBe("?page=2&sort=name");
  });
});
