import { sql } from "kysely";
import { BOARD_KINDS, isBoardKind, type BoardKind } from "../../shared/boards/kinds";
import { WORKBOOK_KIND } from "../../shared/documents";
import type { DocumentTable } from "../schema";
import type { Selectable } from "kysely";
import type { Executor } from "./executor";

export interface DocumentRecord {
  id: string;
  spaceId: string;
  kind: string;
  title: string;
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
  /** In a shared space, the city whose members alone may change the document. */
  ownerCityId: string | null;
}

/** Every column but the search text, which can be large and only search reads. */
const DOCUMENT_COLUMNS = [
  "documents.id",
  "documents.space_id",
  "documents.kind",
  "documents.title",
  "documents.created_at",
  "documents.updated_at",
  "documents.archived_at",
  "documents.owner_city_id",
] as const;

type DocumentRow = Pick<
  Selectable<DocumentTable>,
  "id" | "space_id" | "kind" | "title" | "created_at" | "updated_at" | "archived_at" | "owner_city_id"
>;

function toDocument(row: DocumentRow): DocumentRecord {
  return {
    id: row.id,
    spaceId: row.space_id,
    kind: row.kind,
    title: row.title,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at,
    ownerCityId: row.owner_city_id,
  };
}

/** The city space of a city. */
export async function findCitySpaceId(db: Executor, args: { cityId: string }): Promise<string | null> {
  const row = await db
    .selectFrom("spaces")
    .select("id")
    .where("kind", "=", "city")
    .where("city_id", "=", args.cityId)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function insertDocument(
  db: Executor,
  args: {
    spaceId: string;
    kind: string;
    title: string;
    createdBy: string | null;
    /** In a shared space: the city whose members alone change the document. */
    ownerCityId?: string | null;
  },
): Promise<DocumentRecord> {
  const row = await db
    .insertInto("documents")
    .values({
      space_id: args.spaceId,
      owner_city_id: args.ownerCityId ?? null,
      kind: args.kind,
      title: args.title,
      created_by: args.createdBy,
      updated_by: args.createdBy,
    })
    .returning(DOCUMENT_COLUMNS)
    .executeTakeFirstOrThrow();
  return toDocument(row);
}

/** A city's own space, or a shared space by its id. */
type Place = { cityId: string } | { spaceId: string };

/**
 * The rich-text documents of a city or a shared space with who changed each last, most recently
 * changed first. Boards and clause workbooks have pages of their own and are left out.
 */
export async function listDocumentsOfCity(db: Executor, args: Place & { archived: boolean }) {
  const rows = await db
    .selectFrom("documents")
    .innerJoin("spaces", "spaces.id", "documents.space_id")
    .leftJoin("users", "users.id", "documents.updated_by")
    .select(DOCUMENT_COLUMNS)
    .select("users.name as updated_by_name")
    .where(placeFilter(args).column, "=", placeFilter(args).id)
    .where("documents.kind", "not in", [...BOARD_KINDS, WORKBOOK_KIND])
    .where("documents.archived_at", args.archived ? "is not" : "is", null)
    .orderBy("documents.updated_at", "desc")
    .execute();
  return rows.map((row) => ({ ...toDocument(row), updatedByName: row.updated_by_name }));
}

/** The column and value that pick a place's documents out of `documents` joined with `spaces`. */
function placeFilter(place: Place): { column: "spaces.city_id" | "spaces.id"; id: string } {
  return "cityId" in place
    ? { column: "spaces.city_id", id: place.cityId }
    : { column: "spaces.id", id: place.spaceId };
}

/**
 * One rich-text document, only if it belongs to the city (or the shared space): the tenancy check of
 * every document page. A board is not one: the editor, its history, comments and exports never open a board.
 */
export async function findDocumentOfCity(
  db: Executor,
  args: Place & { documentId: string },
): Promise<DocumentRecord | null> {
  const row = await db
    .selectFrom("documents")
    .innerJoin("spaces", "spaces.id", "documents.space_id")
    .select(DOCUMENT_COLUMNS)
    .where(placeFilter(args).column, "=", placeFilter(args).id)
    .where("documents.id", "=", args.documentId)
    .where("documents.kind", "not in", BOARD_KINDS)
    .executeTakeFirst();
  return row ? toDocument(row) : null;
}

/** The board of a kind in the city's own space; every city has one of each. */
export async function findBoardOfCity(
  db: Executor,
  args: { cityId: string; kind: BoardKind },
): Promise<{ id: string } | null> {
  const row = await db
    .selectFrom("documents")
    .innerJoin("spaces", "spaces.id", "documents.space_id")
    .select("documents.id")
    .where("spaces.kind", "=", "city")
    .where("spaces.city_id", "=", args.cityId)
    .where("documents.kind", "=", args.kind)
    .executeTakeFirst();
  return row ?? null;
}

/** The board of a kind in a shared space, if it has one (a joint procurement's pipeline). */
export async function findBoardOfSpace(
  db: Executor,
  args: { spaceId: string; kind: BoardKind },
): Promise<{ id: string } | null> {
  const row = await db
    .selectFrom("documents")
    .select("id")
    .where("space_id", "=", args.spaceId)
    .where("kind", "=", args.kind)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * The city's workbook on a framework clause, made on first use: two people opening it at once
 * get the same one.
 */
export async function findOrInsertWorkbook(
  db: Executor,
  args: { spaceId: string; clauseId: string; title: string; createdBy: string | null },
): Promise<{ id: string }> {
  const find = () =>
    db
      .selectFrom("documents")
      .select("id")
      .where("space_id", "=", args.spaceId)
      .where("kind", "=", WORKBOOK_KIND)
      .where("clause_id", "=", args.clauseId)
      .executeTakeFirst();
  const existing = await find();
  if (existing) return existing;
  await db
    .insertInto("documents")
    .values({
      space_id: args.spaceId,
      kind: WORKBOOK_KIND,
      clause_id: args.clauseId,
      title: args.title,
      created_by: args.createdBy,
      updated_by: args.createdBy,
    })
    .onConflict((conflict) =>
      conflict.columns(["space_id", "clause_id"]).where(sql.ref("kind"), "=", WORKBOOK_KIND).doNothing(),
    )
    .execute();
  const made = await find();
  if (!made) throw new Error(`The workbook on ${args.clauseId} could not be made`);
  return made;
}

/** Every board document with its kind, for rebuilding projections. */
export async function listBoardDocuments(db: Executor): Promise<{ id: string; kind: BoardKind }[]> {
  const rows = await db
    .selectFrom("documents")
    .select(["id", "kind"])
    .where("kind", "in", BOARD_KINDS)
    .orderBy("id")
    .execute();
  return rows.flatMap((row) => (isBoardKind(row.kind) ? [{ id: row.id, kind: row.kind }] : []));
}

/** A document's kind, or null when there is no such document. */
export async function findDocumentKind(db: Executor, args: { documentId: string }): Promise<string | null> {
  const row = await db
    .selectFrom("documents")
    .select("kind")
    .where("id", "=", args.documentId)
    .executeTakeFirst();
  return row?.kind ?? null;
}

export async function renameDocument(
  db: Executor,
  args: { documentId: string; title: string; userId: string },
): Promise<void> {
  await db
    .updateTable("documents")
    .set({ title: args.title, updated_by: args.userId, updated_at: new Date() })
    .where("id", "=", args.documentId)
    .execute();
}

export async function setDocumentArchived(
  db: Executor,
  args: { documentId: string; archived: boolean },
): Promise<void> {
  await db
    .updateTable("documents")
    .set({ archived_at: args.archived ? new Date() : null })
    .where("id", "=", args.documentId)
    .execute();
}

export async function deleteDocument(db: Executor, args: { documentId: string }): Promise<void> {
  await db.deleteFrom("documents").where("id", "=", args.documentId).execute();
}

/**
 * Where a document lives, as access decisions need it: its space, the cities through which that space
 * is reached (the city of a city space; the member cities of a shared one) and the city that owns the
 * document within a shared space, if any.
 */
export async function findDocumentPlace(
  db: Executor,
  args: { documentId: string },
): Promise<{
  documentId: string;
  spaceId: string;
  cityIds: string[];
  ownerCityId: string | null;
  archived: boolean;
} | null> {
  const row = await db
    .selectFrom("documents")
    .innerJoin("spaces", "spaces.id", "documents.space_id")
    .select((eb) => [
      "documents.id",
      "documents.space_id",
      "documents.owner_city_id",
      "documents.archived_at",
      "spaces.city_id",
      eb
        .selectFrom("space_cities")
        .select(sql<string[]>`coalesce(array_agg(space_cities.city_id::text), '{}')`.as("ids"))
        .whereRef("space_cities.space_id", "=", "spaces.id")
        .where("space_cities.status", "=", "member")
        .as("member_city_ids"),
    ])
    .where("documents.id", "=", args.documentId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    documentId: row.id,
    spaceId: row.space_id,
    cityIds: row.city_id ? [row.city_id] : (row.member_city_ids ?? []),
    ownerCityId: row.owner_city_id,
    archived: row.archived_at !== null,
  };
}

/** Records who last changed each document, and when, in one statement. */
export async function touchDocuments(
  db: Executor,
  args: { changes: { documentId: string; userId: string }[]; at: Date },
): Promise<void> {
  if (args.changes.length === 0) return;
  const rows = sql.join(
    args.changes.map((change) => sql`(${change.documentId}::uuid, ${change.userId}::uuid)`),
  );
  await sql`
    update documents set updated_by = changes.user_id, updated_at = ${args.at}
    from (values ${rows}) as changes (document_id, user_id)
    where documents.id = changes.document_id
  `.execute(db);
}
