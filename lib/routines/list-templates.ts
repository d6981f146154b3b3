import "server-only";
import { and, asc, count, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { routineItems, routines, routineSections } from "@/db/schema";

export type TemplateListItem = {
  id: number;
  title: string;
  instructions: string;
  sections: { title: string; exercises: number }[];
  updatedAt: Date;
};

/**
 * Template routines with the shape of their sections, for the templates page and the dashboard. No actor:
 * templates are shared by every clinician of the clinic (the caller checked the session).
 */
export async function listTemplates(db: Db): Promise<TemplateListItem[]> {
  const rows = await db
    .select({
      id: routines.id,
      title: routines.title,
      instructions: routines.instructions,
      updatedAt: routines.updatedAt,
      sectionTitle: routineSections.title,
      sectionPosition: routineSections.position,
      items: count(routineItems.id),
    })
    .from(routines)
    .leftJoin(routineSections, eq(routineSections.routineId, routines.id))
    .leftJoin(routineItems, eq(routineItems.sectionId, routineSections.id))
    .where(and(eq(routines.isTemplate, true), isNull(routines.archivedAt)))
    .groupBy(routines.id, routineSections.id)
    .orderBy(asc(routines.title), asc(routineSections.position));

  const byId = new Map<number, TemplateListItem>();
  for (const row of rows) {
    let template = byId.get(row.id);
    if (!template) {
      template = { id: row.id, title: row.title, instructions: row.instructions, sections: [], updatedAt: row.updatedAt };
      byId.set(row.id, template);
    }
    if (row.sectionTitle !== null) template.sections.push({ title: row.sectionTitle, exercises: row.items });
  }
  return [...byId.values()];
}
