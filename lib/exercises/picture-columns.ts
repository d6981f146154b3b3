import "server-only";
import { asc } from "drizzle-orm";
import { exerciseImages } from "@/db/schema";

/** What a page needs to show a picture: its hash (the address), its type and its alt text. */
export const pictureRefColumns = { sha256: exerciseImages.sha256, mimeType: exerciseImages.mimeType, alt: exerciseImages.alt };

/** An exercise's pictures in order: the lowest position is the main one. */
export const mainPictureFirst = [asc(exerciseImages.position), asc(exerciseImages.id)] as const;
