import type { Selectable } from "kysely";
import type { SpaceCityStatus, SpaceTable } from "../schema";
import type { Executor } from "./executor";

/** A space shared by several cities, at `/s/<slug>`. */
export interface SharedSpace {
  id: string;
  slug: string;
  name: string;
  purpose: string;
  /** The city whose leads manage which cities take part; null once that city is gone. */
  convenerCityId: string | null;
  /** A network: any city may join without an invitation. */
  open: boolean;
  createdAt: Date;
}

/** A city's part in a space, with the city's name. */
export interface SpaceCity {
  cityId: string;
  slug: string;
  name: string;
  status: SpaceCityStatus;
  invitedAt: Date;
  answeredAt: Date | null;
}

function toSpace(row: Selectable<SpaceTable>): SharedSpace {
  return {
    id: row.id,
    slug: row.slug ?? "",
    name: row.name,
    purpose: row.purpose,
    convenerCityId: row.convener_city_id,
    open: row.open,
    createdAt: row.created_at,
  };
}

/** Inserts a shared space with its convening city as its first member. Call it inside a transaction. */
export async function insertSharedSpace(
  db: Executor,
  args: {
    slug: string;
    name: string;
    purpose: string;
    open: boolean;
    convenerCityId: string;
    createdBy: string | null;
  },
): Promise<SharedSpace> {
  const row = await db
    .insertInto("spaces")
    .values({
      kind: "shared",
      city_id: null,
      slug: args.slug,
      name: args.name,
      purpose: args.purpose,
      open: args.open,
      convener_city_id: args.convenerCityId,
      created_by: args.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .insertInto("space_cities")
    .values({
      space_id: row.id,
      city_id: args.convenerCityId,
      status: "member",
      invited_by: args.createdBy,
      answered_by: args.createdBy,
      answered_at: new Date(),
    })
    .execute();
  return toSpace(row);
}

export async function spaceSlugExists(db: Executor, args: { slug: string }): Promise<boolean> {
  const row = await db.selectFrom("spaces").select("id").where("slug", "=", args.slug).executeTakeFirst();
  return row !== undefined;
}

export async function findSpaceBySlug(db: Executor, args: { slug: string }): Promise<SharedSpace | null> {
  const row = await db
    .selectFrom("spaces")
    .selectAll()
    .where("slug", "=", args.slug)
    .where("kind", "=", "shared")
    .executeTakeFirst();
  return row ? toSpace(row) : null;
}

export async function findSpaceById(db: Executor, args: { spaceId: string }): Promise<SharedSpace | null> {
  const row = await db
    .selectFrom("spaces")
    .selectAll()
    .where("id", "=", args.spaceId)
    .where("kind", "=", "shared")
    .executeTakeFirst();
  return row ? toSpace(row) : null;
}

/** A shared space's id and the cities through which it is reached: its member cities. */
export async function findSpaceAccessPlace(
  db: Executor,
  args: { slug: string } | { spaceId: string },
): Promise<{ spaceId: string; cityIds: string[] } | null> {
  const space =
    "slug" in args ? await findSpaceBySlug(db, args) : await findSpaceById(db, { spaceId: args.spaceId });
  if (!space) return null;
  return { spaceId: space.id, cityIds: await listMemberCityIds(db, { spaceId: space.id }) };
}

export async function listMemberCityIds(db: Executor, args: { spaceId: string }): Promise<string[]> {
  const rows = await db
    .selectFrom("space_cities")
    .select("city_id")
    .where("space_id", "=", args.spaceId)
    .where("status", "=", "member")
    .execute();
  return rows.map((row) => row.city_id);
}

/** Every city that has had a part in the space, members first, then by name. */
export async function listSpaceCities(db: Executor, args: { spaceId: string }): Promise<SpaceCity[]> {
  const rows = await db
    .selectFrom("space_cities")
    .innerJoin("cities", "cities.id", "space_cities.city_id")
    .select([
      "space_cities.city_id",
      "cities.slug",
      "cities.name",
      "space_cities.status",
      "space_cities.invited_at",
      "space_cities.answered_at",
    ])
    .where("space_cities.space_id", "=", args.spaceId)
    .orderBy("cities.name")
    .execute();
  return rows.map((row) => ({
    cityId: row.city_id,
    slug: row.slug,
    name: row.name,
    status: row.status,
    invitedAt: row.invited_at,
    answeredAt: row.answered_at,
  }));
}

/** Locks the city's part in the space for the rest of the transaction, and reads it. */
export async function findSpaceCityForUpdate(
  db: Executor,
  args: { spaceId: string; cityId: string },
): Promise<SpaceCityStatus | null> {
  const row = await db
    .selectFrom("space_cities")
    .select("status")
    .where("space_id", "=", args.spaceId)
    .where("city_id", "=", args.cityId)
    .forUpdate()
    .executeTakeFirst();
  return row?.status ?? null;
}

/** An invitation: inserts the city's part, or turns a declined, left or removed one back into an invitation. */
export async function inviteSpaceCity(
  db: Executor,
  args: { spaceId: string; cityId: string; invitedBy: string | null },
): Promise<void> {
  const values = {
    status: "invited" as const,
    invited_by: args.invitedBy,
    invited_at: new Date(),
    answered_by: null,
    answered_at: null,
  };
  await db
    .insertInto("space_cities")
    .values({ space_id: args.spaceId, city_id: args.cityId, ...values })
    .onConflict((oc) => oc.columns(["space_id", "city_id"]).doUpdateSet(values))
    .execute();
}

/** Records a city's answer, departure or removal (or, for an open space, joining). */
export async function setSpaceCityStatus(
  db: Executor,
  args: { spaceId: string; cityId: string; status: SpaceCityStatus; by: string | null },
): Promise<void> {
  const values = { status: args.status, answered_by: args.by, answered_at: new Date() };
  await db
    .insertInto("space_cities")
    .values({ space_id: args.spaceId, city_id: args.cityId, invited_by: args.by, ...values })
    .onConflict((oc) => oc.columns(["space_id", "city_id"]).doUpdateSet(values))
    .execute();
}

/** The shared spaces a city has a part in (any status), and the open ones it could join. */
export async function listSpacesOfCity(
  db: Executor,
  args: { cityId: string },
): Promise<(SharedSpace & { status: SpaceCityStatus | null; memberCount: number })[]> {
  const rows = await db
    .selectFrom("spaces")
    .leftJoin("space_cities as mine", (join) =>
      join.onRef("mine.space_id", "=", "spaces.id").on("mine.city_id", "=", args.cityId),
    )
    .selectAll("spaces")
    .select((eb) => [
      "mine.status",
      eb
        .selectFrom("space_cities")
        .select(eb.fn.countAll<string>().as("count"))
        .whereRef("space_cities.space_id", "=", "spaces.id")
        .where("space_cities.status", "=", "member")
        .as("member_count"),
    ])
    .where("spaces.kind", "=", "shared")
    .where((eb) => eb.or([eb("mine.status", "is not", null), eb("spaces.open", "=", true)]))
    .orderBy("spaces.name")
    .execute();
  return rows.map((row) => ({
    ...toSpace(row),
    status: row.status,
    memberCount: Number(row.member_count ?? 0),
  }));
}

/** The leads of the given cities, to tell them of an invitation or an answer. */
export async function listLeadsOfCities(
  db: Executor,
  args: { cityIds: readonly string[] },
): Promise<{ userId: string; cityId: string }[]> {
  if (args.cityIds.length === 0) return [];
  const rows = await db
    .selectFrom("memberships")
    .select(["user_id", "city_id"])
    .where("city_id", "in", args.cityIds)
    .where("role", "=", "lead")
    .execute();
  return rows.map((row) => ({ userId: row.user_id, cityId: row.city_id }));
}

/** Everyone who belongs to any of the cities, once each, by name: the people of a shared space. */
export async function listPeopleOfCities(
  db: Executor,
  args: { cityIds: readonly string[] },
): Promise<{ id: string; name: string }[]> {
  if (args.cityIds.length === 0) return [];
  return db
    .selectFrom("users")
    .select(["users.id", "users.name"])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("memberships")
          .select("memberships.user_id")
          .whereRef("memberships.user_id", "=", "users.id")
          .where("memberships.city_id", "in", args.cityIds),
      ),
    )
    .orderBy("users.name")
    .execute();
}
