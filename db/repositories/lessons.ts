import { sql } from "kysely";
import type { Executor } from "./executor";

/** Where a lesson lives: a row of its city's lessons board in a shared space. */
export interface LessonKey {
  documentId: string;
  rowId: string;
}

export interface LessonRecord extends LessonKey {
  spaceId: string;
  cityId: string;
  citySlug: string;
  cityName: string;
  createdBy: string | null;
  createdAt: Date;
}

/** A lesson as a list shows it: its projected values (those that pass validation) and its standing. */
export interface LessonSummary extends LessonRecord {
  /** Null until the board's projection has caught up with a lesson just written. */
  values: Record<string, unknown> | null;
  usefulCount: number;
  adoptionCount: number;
}

export interface LessonAdoption {
  cityId: string;
  citySlug: string;
  cityName: string;
  roadmapRowId: string;
  adoptedByName: string | null;
  adoptedAt: Date;
}

/** The lessons board of a city in a space, if the city has written any lesson there. */
export async function findLessonsBoard(
  db: Executor,
  args: { spaceId: string; cityId: string },
): Promise<{ id: string } | null> {
  const row = await db
    .selectFrom("documents")
    .select("id")
    .where("space_id", "=", args.spaceId)
    .where("owner_city_id", "=", args.cityId)
    .where("kind", "=", "lessons")
    .executeTakeFirst();
  return row ?? null;
}

export async function insertLesson(
  db: Executor,
  args: LessonKey & { spaceId: string; cityId: string; createdBy: string },
): Promise<void> {
  await db
    .insertInto("lessons")
    .values({
      document_id: args.documentId,
      row_id: args.rowId,
      space_id: args.spaceId,
      city_id: args.cityId,
      created_by: args.createdBy,
    })
    .execute();
}

function lessonQuery(db: Executor, spaceId: string) {
  return db
    .selectFrom("lessons")
    .innerJoin("cities", "cities.id", "lessons.city_id")
    .leftJoin("board_rows", (join) =>
      join
        .onRef("board_rows.document_id", "=", "lessons.document_id")
        .onRef("board_rows.row_id", "=", "lessons.row_id"),
    )
    .select((eb) => [
      "lessons.document_id",
      "lessons.row_id",
      "lessons.space_id",
      "lessons.city_id",
      "lessons.created_by",
      "lessons.created_at",
      "cities.slug as city_slug",
      "cities.name as city_name",
      "board_rows.data",
      eb
        .selectFrom("lesson_marks")
        .select(eb.fn.countAll<string>().as("count"))
        .whereRef("lesson_marks.document_id", "=", "lessons.document_id")
        .whereRef("lesson_marks.row_id", "=", "lessons.row_id")
        .as("useful_count"),
      eb
        .selectFrom("lesson_adoptions")
        .select(eb.fn.countAll<string>().as("count"))
        .whereRef("lesson_adoptions.document_id", "=", "lessons.document_id")
        .whereRef("lesson_adoptions.row_id", "=", "lessons.row_id")
        .as("adoption_count"),
    ])
    .where("lessons.space_id", "=", spaceId);
}

type LessonRow = Awaited<ReturnType<ReturnType<typeof lessonQuery>["executeTakeFirstOrThrow"]>>;

function toSummary(row: LessonRow): LessonSummary {
  return {
    documentId: row.document_id,
    rowId: row.row_id,
    spaceId: row.space_id,
    cityId: row.city_id,
    citySlug: row.city_slug,
    cityName: row.city_name,
    createdBy: row.created_by,
    createdAt: row.created_at,
    values: (row.data as Record<string, unknown> | null) ?? null,
    usefulCount: Number(row.useful_count ?? 0),
    adoptionCount: Number(row.adoption_count ?? 0),
  };
}

/** Every lesson of a space, newest first. */
export async function listLessonsOfSpace(db: Executor, args: { spaceId: string }): Promise<LessonSummary[]> {
  const rows = await lessonQuery(db, args.spaceId).orderBy("lessons.created_at", "desc").execute();
  return rows.map(toSummary);
}

/** One lesson of a space, by its city and row. */
export async function findLesson(
  db: Executor,
  args: { spaceId: string; cityId: string; rowId: string },
): Promise<LessonSummary | null> {
  const row = await lessonQuery(db, args.spaceId)
    .where("lessons.city_id", "=", args.cityId)
    .where("lessons.row_id", "=", args.rowId)
    .executeTakeFirst();
  return row ? toSummary(row) : null;
}

/** Marks the lesson useful for the person, or takes the mark back; returns whether it is marked now. */
export async function toggleMark(db: Executor, args: LessonKey & { userId: string }): Promise<boolean> {
  const removed = await db
    .deleteFrom("lesson_marks")
    .where("document_id", "=", args.documentId)
    .where("row_id", "=", args.rowId)
    .where("user_id", "=", args.userId)
    .executeTakeFirst();
  if (removed.numDeletedRows > 0n) return false;
  await db
    .insertInto("lesson_marks")
    .values({ document_id: args.documentId, row_id: args.rowId, user_id: args.userId })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return true;
}

export async function isMarkedBy(db: Executor, args: LessonKey & { userId: string }): Promise<boolean> {
  const row = await db
    .selectFrom("lesson_marks")
    .select(sql<number>`1`.as("one"))
    .where("document_id", "=", args.documentId)
    .where("row_id", "=", args.rowId)
    .where("user_id", "=", args.userId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertAdoption(
  db: Executor,
  args: LessonKey & { cityId: string; roadmapRowId: string; adoptedBy: string },
): Promise<void> {
  await db
    .insertInto("lesson_adoptions")
    .values({
      document_id: args.documentId,
      row_id: args.rowId,
      city_id: args.cityId,
      roadmap_row_id: args.roadmapRowId,
      adopted_by: args.adoptedBy,
    })
    .execute();
}

/** The cities that adopted the lesson into their roadmaps, earliest first. */
export async function listAdoptions(db: Executor, args: LessonKey): Promise<LessonAdoption[]> {
  const rows = await db
    .selectFrom("lesson_adoptions")
    .innerJoin("cities", "cities.id", "lesson_adoptions.city_id")
    .leftJoin("users", "users.id", "lesson_adoptions.adopted_by")
    .select([
      "lesson_adoptions.city_id",
      "lesson_adoptions.roadmap_row_id",
      "lesson_adoptions.adopted_at",
      "cities.slug",
      "cities.name",
      "users.name as adopted_by_name",
    ])
    .where("lesson_adoptions.document_id", "=", args.documentId)
    .where("lesson_adoptions.row_id", "=", args.rowId)
    .orderBy("lesson_adoptions.adopted_at")
    .execute();
  return rows.map((row) => ({
    cityId: row.city_id,
    citySlug: row.slug,
    cityName: row.name,
    roadmapRowId: row.roadmap_row_id,
    adoptedByName: row.adopted_by_name,
    adoptedAt: row.adopted_at,
  }));
}
