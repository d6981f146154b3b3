import type { SectionDraft } from "./routine-draft";

/** Where an item is: its section and its index there. */
export type ItemPlace = { sectionUid: string; index: number };

export type ItemStep = { sections: SectionDraft[]; from: ItemPlace; to: ItemPlace };

/**
 * One step up or down, as the Move up / Move down buttons do: within the item's section, and past its first or
 * last place into the neighbouring section (going up it lands last there, going down it lands first), empty
 * sections included. null at the very top or bottom of the routine, or for an item that is not there.
 */
export function stepItem(sections: SectionDraft[], itemUid: string, direction: "up" | "down"): ItemStep | null {
  const s = sections.findIndex((section) => section.items.some((i) => i.uid === itemUid));
  if (s < 0) return null;
  const section = sections[s]!;
  const index = section.items.findIndex((i) => i.uid === itemUid);
  const item = section.items[index]!;
  const from = { sectionUid: section.uid, index };
  const within = direction === "up" ? index - 1 : index + 1;
  if (within >= 0 && within < section.items.length) {
    const items = [...section.items];
    items.splice(index, 1);
    items.splice(within, 0, item);
    return { sections: sections.map((x, j) => (j === s ? { ...x, items } : x)), from, to: { sectionUid: section.uid, index: within } };
  }
  const neighbour = sections[direction === "up" ? s - 1 : s + 1];
  if (!neighbour) return null;
  const landed = direction === "up" ? [...neighbour.items, item] : [item, ...neighbour.items];
  return {
    sections: sections.map((x, j) =>
      j === s ? { ...x, items: x.items.filter((i) => i.uid !== itemUid) } : x.uid === neighbour.uid ? { ...x, items: landed } : x,
    ),
    from,
    to: { sectionUid: neighbour.uid, index: direction === "up" ? landed.length - 1 : 0 },
  };
}

export const sectionName = (section: { title: string } | undefined) => section?.title.trim() || "Untitled section";

/**
 * What a screen reader hears after an item moves, in words: "Cat-Cow moved to position 3 of 4 in Mobility", or
 * across a section boundary "Cat-Cow moved to Strength, position 1 of 3". `sections` is the routine after the move.
 */
export function describeItemMove(name: string, sections: SectionDraft[], from: ItemPlace, to: ItemPlace): string {
  const target = sections.find((s) => s.uid === to.sectionUid);
  const where = `position ${to.index + 1} of ${target?.items.length ?? 0}`;
  return from.sectionUid === to.sectionUid
    ? `${name} moved to ${where} in ${sectionName(target)}.`
    : `${name} moved to ${sectionName(target)}, ${where}.`;
}

/** Why an item did not move, for the same live region (a button at the routine's edge is disabled, keys are not). */
export function describeNoMove(name: string, direction: "up" | "down"): string {
  return direction === "up" ? `${name} is already first in the routine.` : `${name} is already last in the routine.`;
}

/** What a screen reader hears after a section moves: "Section Mobility moved to position 2 of 4." */
export function describeSectionMove(sections: SectionDraft[], to: number): string {
  return `Section ${sectionName(sections[to])} moved to position ${to + 1} of ${sections.length}.`;
}

/** The routine after an item moves to the end of another section (the "Move to section" list), or null. */
export function placeAfterMoveTo(sections: SectionDraft[], toSectionUid: string): ItemPlace | null {
  const target = sections.find((s) => s.uid === toSectionUid);
  return target ? { sectionUid: toSectionUid, index: target.items.length - 1 } : null;
}
