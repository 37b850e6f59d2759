import type { Role } from "../../shared/roles";
import type { CityRow } from "../schema";
import type { Executor } from "./executor";

export interface City {
  id: string;
  slug: string;
  name: string;
  country: string;
  createdAt: Date;
}

/** A city seen by one of its members. */
export interface MemberCity extends City {
  role: Role;
}

function toCity(row: CityRow): City {
  return { id: row.id, slug: row.slug, name: row.name, country: row.country, createdAt: row.created_at };
}

/** Inserts a city with its own space, where its documents live. Call it inside a transaction. */
export async function insertCity(
  db: Executor,
  args: { slug: string; name: string; country: string; createdBy: string | null },
): Promise<City> {
  const row = await db
    .insertInto("cities")
    .values({ slug: args.slug, name: args.name, country: args.country, created_by: args.createdBy })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db.insertInto("spaces").values({ kind: "city", city_id: row.id, name: row.name }).execute();
  return toCity(row);
}

export async function findCityBySlug(db: Executor, args: { slug: string }): Promise<City | null> {
  const row = await db.selectFrom("cities").selectAll().where("slug", "=", args.slug).executeTakeFirst();
  return row ? toCity(row) : null;
}

export async function findCityById(db: Executor, args: { id: string }): Promise<City | null> {
  const row = await db.selectFrom("cities").selectAll().where("id", "=", args.id).executeTakeFirst();
  return row ? toCity(row) : null;
}

export async function slugExists(db: Executor, args: { slug: string }): Promise<boolean> {
  const row = await db.selectFrom("cities").select("id").where("slug", "=", args.slug).executeTakeFirst();
  return row !== undefined;
}

/** The cities a user belongs to, with their role in each, by name. */
export async function listCitiesOfUser(db: Executor, args: { userId: string }): Promise<MemberCity[]> {
  const rows = await db
    .selectFrom("cities")
    .innerJoin("memberships", "memberships.city_id", "cities.id")
    .selectAll("cities")
    .select("memberships.role")
    .where("memberships.user_id", "=", args.userId)
    .orderBy("cities.name")
    .execute();
  return rows.map((row) => ({ ...toCity(row), role: row.role }));
}

export async function countCities(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("cities")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Every city of the workspace by name: the cities a space may invite. */
export async function listCities(db: Executor): Promise<City[]> {
  const rows = await db.selectFrom("cities").selectAll().orderBy("name").execute();
  return rows.map(toCity);
}
