import type { Executor } from "./executor";

/** One opportunity bought together by the member cities of a shared space. */
export interface JointProcurement {
  spaceId: string;
  leadCityId: string;
  originCityId: string | null;
  originRowId: string | null;
  /** The joint opportunity's row id on the space's pipeline board. */
  rowId: string;
}

export async function insertJointProcurement(db: Executor, args: JointProcurement): Promise<void> {
  await db
    .insertInto("joint_procurements")
    .values({
      space_id: args.spaceId,
      lead_city_id: args.leadCityId,
      origin_city_id: args.originCityId,
      origin_row_id: args.originRowId,
      row_id: args.rowId,
    })
    .execute();
}

export async function findJointProcurement(
  db: Executor,
  args: { spaceId: string },
): Promise<JointProcurement | null> {
  const row = await db
    .selectFrom("joint_procurements")
    .selectAll()
    .where("space_id", "=", args.spaceId)
    .executeTakeFirst();
  return row
    ? {
        spaceId: row.space_id,
        leadCityId: row.lead_city_id,
        originCityId: row.origin_city_id,
        originRowId: row.origin_row_id,
        rowId: row.row_id,
      }
    : null;
}

/** The joint opportunities a city leads as buyer: their releases are published in its name. */
export async function listJointRowIdsLedBy(db: Executor, args: { cityId: string }): Promise<string[]> {
  const rows = await db
    .selectFrom("joint_procurements")
    .select("row_id")
    .where("lead_city_id", "=", args.cityId)
    .execute();
  return rows.map((row) => row.row_id);
}

/** The joint procurements that grew from one city's opportunities, with their spaces' addresses. */
export async function listJointProcurementsFrom(
  db: Executor,
  args: { cityId: string },
): Promise<{ originRowId: string; spaceSlug: string; spaceName: string }[]> {
  const rows = await db
    .selectFrom("joint_procurements")
    .innerJoin("spaces", "spaces.id", "joint_procurements.space_id")
    .select(["joint_procurements.origin_row_id", "spaces.slug", "spaces.name"])
    .where("joint_procurements.origin_city_id", "=", args.cityId)
    .execute();
  return rows.flatMap((row) =>
    row.origin_row_id && row.slug
      ? [{ originRowId: row.origin_row_id, spaceSlug: row.slug, spaceName: row.name }]
      : [],
  );
}
