import type { SupplierInterestTable } from "../schema";
import type { Selectable } from "kysely";
import type { Executor } from "./executor";

/** A supplier's interest in one of a city's published opportunities, with the city's answer. */
export interface SupplierInterest {
  id: string;
  cityId: string;
  rowId: string;
  userId: string | null;
  organisation: string;
  contact: string;
  message: string;
  createdAt: Date;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
}

/** An interest as the city's leads see it: with the name and email of the account behind it. */
export interface ReceivedInterest extends SupplierInterest {
  supplierName: string | null;
  supplierEmail: string | null;
  answeredByName: string | null;
}

function toInterest(row: Selectable<SupplierInterestTable>): SupplierInterest {
  return {
    id: row.id,
    cityId: row.city_id,
    rowId: row.row_id,
    userId: row.user_id,
    organisation: row.organisation,
    contact: row.contact,
    message: row.message,
    createdAt: row.created_at,
    answer: row.answer,
    answeredBy: row.answered_by,
    answeredAt: row.answered_at,
  };
}

/**
 * Locks the user's row for the rest of the transaction, so that two submissions of one supplier
 * cannot both find no interest and both add one.
 */
export async function lockUserForInterest(db: Executor, args: { userId: string }): Promise<void> {
  await db.selectFrom("users").select("id").where("id", "=", args.userId).forUpdate().execute();
}

export async function findInterestOfUser(
  db: Executor,
  args: { cityId: string; rowId: string; userId: string },
): Promise<SupplierInterest | null> {
  const row = await db
    .selectFrom("supplier_interests")
    .selectAll()
    .where("city_id", "=", args.cityId)
    .where("row_id", "=", args.rowId)
    .where("user_id", "=", args.userId)
    .orderBy("created_at")
    .executeTakeFirst();
  return row ? toInterest(row) : null;
}

export async function insertInterest(
  db: Executor,
  args: {
    cityId: string;
    rowId: string;
    userId: string;
    organisation: string;
    contact: string;
    message: string;
  },
): Promise<SupplierInterest> {
  const row = await db
    .insertInto("supplier_interests")
    .values({
      city_id: args.cityId,
      row_id: args.rowId,
      user_id: args.userId,
      organisation: args.organisation,
      contact: args.contact,
      message: args.message,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toInterest(row);
}

/** Changes what the supplier wrote; the city's answer, if any, stays. */
export async function updateInterest(
  db: Executor,
  args: { cityId: string; id: string; organisation: string; contact: string; message: string },
): Promise<SupplierInterest> {
  const row = await db
    .updateTable("supplier_interests")
    .set({ organisation: args.organisation, contact: args.contact, message: args.message })
    .where("city_id", "=", args.cityId)
    .where("id", "=", args.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toInterest(row);
}

export async function setInterestAnswer(
  db: Executor,
  args: { cityId: string; id: string; answer: string; answeredBy: string; answeredAt: Date },
): Promise<SupplierInterest | null> {
  const row = await db
    .updateTable("supplier_interests")
    .set({ answer: args.answer, answered_by: args.answeredBy, answered_at: args.answeredAt })
    .where("city_id", "=", args.cityId)
    .where("id", "=", args.id)
    .returningAll()
    .executeTakeFirst();
  return row ? toInterest(row) : null;
}

/** Every interest the city has received, newest first within each opportunity. */
export async function listInterestsOfCity(
  db: Executor,
  args: { cityId: string },
): Promise<ReceivedInterest[]> {
  const rows = await db
    .selectFrom("supplier_interests")
    .leftJoin("users as supplier", "supplier.id", "supplier_interests.user_id")
    .leftJoin("users as answerer", "answerer.id", "supplier_interests.answered_by")
    .selectAll("supplier_interests")
    .select([
      "supplier.name as supplier_name",
      "supplier.email as supplier_email",
      "answerer.name as answerer_name",
    ])
    .where("supplier_interests.city_id", "=", args.cityId)
    .orderBy("supplier_interests.row_id")
    .orderBy("supplier_interests.created_at", "desc")
    .execute();
  return rows.map((row) => ({
    ...toInterest(row),
    supplierName: row.supplier_name,
    supplierEmail: row.supplier_email,
    answeredByName: row.answerer_name,
  }));
}
