import { sql } from "kysely";
import type { Executor } from "./executor";

/** One published release of an opportunity, as stored. */
export interface ReleaseRecord {
  rowId: string;
  ocid: string;
  releaseId: string;
  tag: "planning" | "planningUpdate";
  release: Record<string, unknown>;
  digest: string;
  publishedAt: Date;
}

/** An opportunity's latest release, with how many releases it has had. */
export interface LatestReleaseRecord extends ReleaseRecord {
  releaseCount: number;
}

/** A city that has published, with how many opportunities and when it last published. */
export interface PublishingCity {
  slug: string;
  name: string;
  country: string;
  opportunities: number;
  lastPublishedAt: Date;
}

/** The city's name, slug and ocid prefix, its row locked until the transaction ends. */
export async function lockCityForPublishing(
  db: Executor,
  args: { cityId: string },
): Promise<{ slug: string; name: string; ocidPrefix: string | null } | null> {
  const row = await db
    .selectFrom("cities")
    .select(["slug", "name", "ocid_prefix"])
    .where("id", "=", args.cityId)
    .forUpdate()
    .executeTakeFirst();
  return row ? { slug: row.slug, name: row.name, ocidPrefix: row.ocid_prefix } : null;
}

export async function findOcidPrefix(db: Executor, args: { cityId: string }): Promise<string | null> {
  const row = await db
    .selectFrom("cities")
    .select("ocid_prefix")
    .where("id", "=", args.cityId)
    .executeTakeFirst();
  return row?.ocid_prefix ?? null;
}

export async function updateOcidPrefix(
  db: Executor,
  args: { cityId: string; prefix: string },
): Promise<void> {
  await db.updateTable("cities").set({ ocid_prefix: args.prefix }).where("id", "=", args.cityId).execute();
}

export async function insertRelease(
  db: Executor,
  args: {
    cityId: string;
    rowId: string;
    ocid: string;
    releaseId: string;
    tag: "planning" | "planningUpdate";
    release: Record<string, unknown>;
    digest: string;
    publishedBy: string | null;
    publishedAt: Date;
  },
): Promise<void> {
  await db
    .insertInto("procurement_releases")
    .values({
      city_id: args.cityId,
      row_id: args.rowId,
      ocid: args.ocid,
      release_id: args.releaseId,
      tag: args.tag,
      release: JSON.stringify(args.release),
      digest: args.digest,
      published_by: args.publishedBy,
      published_at: args.publishedAt,
    })
    .execute();
}

/** The latest release of each opportunity the city has published, oldest publication first. */
export async function listLatestReleases(
  db: Executor,
  args: { cityId: string },
): Promise<LatestReleaseRecord[]> {
  const rows = await db
    .selectFrom((eb) =>
      eb
        .selectFrom("procurement_releases")
        .distinctOn("row_id")
        .select(["row_id", "ocid", "release_id", "tag", "release", "digest", "published_at"])
        .select(sql<string>`count(*) over (partition by row_id)`.as("release_count"))
        .where("city_id", "=", args.cityId)
        .orderBy("row_id")
        .orderBy("published_at", "desc")
        .as("latest"),
    )
    .selectAll()
    .orderBy("published_at")
    .orderBy("row_id")
    .execute();
  return rows.map((row) => ({
    rowId: row.row_id,
    ocid: row.ocid,
    releaseId: row.release_id,
    tag: row.tag,
    release: row.release,
    digest: row.digest,
    publishedAt: row.published_at,
    releaseCount: Number(row.release_count),
  }));
}

/** Every release the city has published, oldest first. */
export async function listReleases(db: Executor, args: { cityId: string }): Promise<ReleaseRecord[]> {
  const rows = await db
    .selectFrom("procurement_releases")
    .select(["row_id", "ocid", "release_id", "tag", "release", "digest", "published_at"])
    .where("city_id", "=", args.cityId)
    .orderBy("published_at")
    .orderBy("release_id")
    .execute();
  return rows.map((row) => ({
    rowId: row.row_id,
    ocid: row.ocid,
    releaseId: row.release_id,
    tag: row.tag,
    release: row.release,
    digest: row.digest,
    publishedAt: row.published_at,
  }));
}

/** How many releases the city has published and when the latest was: null when none. */
export async function findReleaseVersion(
  db: Executor,
  args: { cityId: string },
): Promise<{ releases: number; lastPublishedAt: Date } | null> {
  const row = await db
    .selectFrom("procurement_releases")
    .select((eb) => [
      eb.fn.countAll<string>().as("releases"),
      eb.fn.max("published_at").as("last_published_at"),
    ])
    .where("city_id", "=", args.cityId)
    .executeTakeFirstOrThrow();
  if (Number(row.releases) === 0) return null;
  return { releases: Number(row.releases), lastPublishedAt: new Date(row.last_published_at) };
}

export async function hasReleases(db: Executor, args: { cityId: string }): Promise<boolean> {
  const row = await db
    .selectFrom("procurement_releases")
    .select("id")
    .where("city_id", "=", args.cityId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The cities that have published at least one release, by name; or only the one city asked for. */
export async function listPublishingCities(
  db: Executor,
  args: { cityId?: string } = {},
): Promise<PublishingCity[]> {
  let query = db
    .selectFrom("cities")
    .innerJoin("procurement_releases", "procurement_releases.city_id", "cities.id")
    .select(["cities.slug", "cities.name", "cities.country"])
    .select((eb) => [
      eb.fn.count<string>("procurement_releases.row_id").distinct().as("opportunities"),
      eb.fn.max("procurement_releases.published_at").as("last_published_at"),
    ])
    .groupBy(["cities.id", "cities.slug", "cities.name", "cities.country"])
    .orderBy("cities.name");
  if (args.cityId) query = query.where("cities.id", "=", args.cityId);
  const rows = await query.execute();
  return rows.map((row) => ({
    slug: row.slug,
    name: row.name,
    country: row.country,
    opportunities: Number(row.opportunities),
    lastPublishedAt: new Date(row.last_published_at),
  }));
}
