import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The project's own eslint.config.mjs, run on snippets placed (virtually) in each folder.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("import boundaries (eslint no-restricted-imports)", () => {
  it("refuses a component that imports from app/, by alias or relative path", async () => {
    for (const source of ["@/app/admin/exercises/actions", "@/app", "../../app/admin/routines/[id]/share-actions"]) {
      const messages = await restrictedImports(
        "components/exercises/probe.tsx",
        `import { saveExerciseAction } from "${source}";\nexport const probe = saveExerciseAction;\n`,
      );
      expect(messages, source).toEqual([expect.stringContaining("Components never import from app/")]);
    }
  });

  it("refuses a component that imports db/, and lets it import lib/ and components/", async () => {
    expect(
      await restrictedImports("components/routines/probe.tsx", `import { openDb } from "@/db/client";\nexport const probe = openDb;\n`),
    ).toEqual([expect.stringContaining("Components never import db/")]);
    const fine = `import { labelOf } from "@/lib/exercises/vocabulary";\nimport { Field } from "@/components/ui/field";\nexport const probe = [labelOf, Field];\n`;
    expect(await restrictedImports("components/routines/probe.tsx", fine)).toEqual([]);
  });

  it("lets db/ import types from lib/ but no values", async () => {
    expect(
      await restrictedImports("db/probe.ts", `import type { Dose } from "@/lib/exercises/dose";\nexport type Probe = Dose;\n`),
    ).toEqual([]);
    for (const source of ["@/lib/exercises/vocabulary", "../lib/exercises/vocabulary"]) {
      const messages = await restrictedImports(
        "db/probe.ts",
        `import { exerciseCategories } from "${source}";\nexport const probe = exerciseCategories;\n`,
      );
      expect(messages, source).toEqual([expect.stringContaining("db/ imports no values from lib/")]);
    }
  });

  it("lets only lib/auth (and tests) mint a SessionUser", async () => {
    const mint = `import { mintSessionUser } from "@/lib/auth/session-user";\nexport const probe = mintSessionUser;\n`;
    for (const file of ["lib/exercises/probe.ts", "app/admin/probe.ts", "components/ui/probe.tsx"]) {
      expect(await restrictedImports(file, mint), file).toEqual([expect.stringContaining("Only lib/auth mints a SessionUser")]);
    }
    expect(await restrictedImports("lib/auth/probe.ts", mint)).toEqual([]);
    // The type itself is for everyone.
    expect(
      await restrictedImports(
        "lib/exercises/probe.ts",
        `import type { SessionUser } from "@/lib/auth/session-user";\nexport type Probe = SessionUser;\n`,
      ),
    ).toEqual([]);
  });
});
