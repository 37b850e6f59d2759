import type { Executor } from "./executor";

/** Where a roadmap is shared: with one city, or with a shared space and so its member cities. */
export type ShareTarget = { type: "city"; cityId: string } | { type: "space"; spaceId: string };

/** A share of a city's roadmap as its leads see it, with the target's name. */
export interface RoadmapShare {
  id: string;
  target:
    | { type: "city"; cityId: string; slug: string; name: string }
    | { type: "space"; spaceId: string; slug: string; name: string; open: boolean; active: boolean };
  sharedByName: string | null;
  sharedAt: Date;
}

/** A roadmap another city shares with a reader city, and how it reaches it. */
export interface SharedRoadmapSource {
  cityId: string;
  slug: string;
  name: string;
  /** Shared with the reader city itself. */
  direct: boolean;
  /** The shared spaces, both cities members of, it is shared through. */
  spaces: { slug: string; name: string }[];
}

/** Shares the city's roadmap with a target; sharing again with the same target changes nothing. */
export async function insertShare(
  db: Executor,
  args: { cityId: string; target: ShareTarget; sharedBy: string | null },
): Promise<boolean> {
  const target =
    args.target.type === "city"
      ? { target_city_id: args.target.cityId, space_id: null }
      : { target_city_id: null, space_id: args.target.spaceId };
  const rows = await db
    .insertInto("roadmap_shares")
    .values({ city_id: args.cityId, ...target, shared_by: args.sharedBy })
    .onConflict((oc) =>
      oc
        .columns(args.target.type === "city" ? ["city_id", "target_city_id"] : ["city_id", "space_id"])
        .where(args.target.type === "city" ? "target_city_id" : "space_id", "is not", null)
        .doNothing(),
    )
    .returning("id")
    .execute();
  return rows.length > 0;
}

/** Stops one share of the city's roadmap; returns whether there was one. */
export async function deleteShare(db: Executor, args: { cityId: string; shareId: string }): Promise<boolean> {
  const result = await db
    .deleteFrom("roadmap_shares")
    .where("id", "=", args.shareId)
    .where("city_id", "=", args.cityId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * Every share of the city's roadmap, cities first, then spaces, each by name. A share with a space
 * is active while the city is a member of it.
 */
export async function listSharesOfCity(db: Executor, args: { cityId: string }): Promise<RoadmapShare[]> {
  const rows = await db
    .selectFrom("roadmap_shares")
    .leftJoin("cities as target", "target.id", "roadmap_shares.target_city_id")
    .leftJoin("spaces", "spaces.id", "roadmap_shares.space_id")
    .leftJoin("space_cities as own", (join) =>
      join
        .onRef("own.space_id", "=", "roadmap_shares.space_id")
        .onRef("own.city_id", "=", "roadmap_shares.city_id"),
    )
    .leftJoin("users", "users.id", "roadmap_shares.shared_by")
    .select([
      "roadmap_shares.id",
      "roadmap_shares.target_city_id",
      "roadmap_shares.space_id",
      "roadmap_shares.shared_at",
      "target.slug as target_slug",
      "target.name as target_name",
      "spaces.slug as space_slug",
      "spaces.name as space_name",
      "spaces.open as space_open",
      "own.status as own_status",
      "users.name as shared_by_name",
    ])
    .where("roadmap_shares.city_id", "=", args.cityId)
    .execute();
  const shares = rows.map((row): RoadmapShare => {
    const target: RoadmapShare["target"] = row.target_city_id
      ? { type: "city", cityId: row.target_city_id, slug: row.target_slug ?? "", name: row.target_name ?? "" }
      : {
          type: "space",
          spaceId: row.space_id ?? "",
          slug: row.space_slug ?? "",
          name: row.space_name ?? "",
          open: row.space_open ?? false,
          active: row.own_status === "member",
        };
    return { id: row.id, target, sharedByName: row.shared_by_name, sharedAt: row.shared_at };
  });
  return shares.sort(
    (a, b) =>
      Number(a.target.type === "space") - Number(b.target.type === "space") ||
      a.target.name.localeCompare(b.target.name, "en-GB"),
  );
}

/**
 * The roadmaps shared with the reader city, by city name: shared with it directly, or with a shared
 * space that both cities are members of now. Its own roadmap is never among them.
 */
export async function listRoadmapsSharedWith(
  db: Executor,
  args: { readerCityId: string; ownerCityId?: string },
): Promise<SharedRoadmapSource[]> {
  let query = db
    .selectFrom("roadmap_shares")
    .innerJoin("cities as owner", "owner.id", "roadmap_shares.city_id")
    .leftJoin("spaces", "spaces.id", "roadmap_shares.space_id")
    .select([
      "owner.id as owner_id",
      "owner.slug as owner_slug",
      "owner.name as owner_name",
      "roadmap_shares.target_city_id",
      "spaces.slug as space_slug",
      "spaces.name as space_name",
    ])
    .where("roadmap_shares.city_id", "<>", args.readerCityId)
    .where((eb) =>
      eb.or([
        eb("roadmap_shares.target_city_id", "=", args.readerCityId),
        eb.and([
          eb("spaces.kind", "=", "shared"),
          eb.exists(
            eb
              .selectFrom("space_cities as reader")
              .select("reader.city_id")
              .whereRef("reader.space_id", "=", "roadmap_shares.space_id")
              .where("reader.city_id", "=", args.readerCityId)
              .where("reader.status", "=", "member"),
          ),
          eb.exists(
            eb
              .selectFrom("space_cities as sharer")
              .select("sharer.city_id")
              .whereRef("sharer.space_id", "=", "roadmap_shares.space_id")
              .whereRef("sharer.city_id", "=", "roadmap_shares.city_id")
              .where("sharer.status", "=", "member"),
          ),
        ]),
      ]),
    );
  if (args.ownerCityId) query = query.where("roadmap_shares.city_id", "=", args.ownerCityId);
  const rows = await query.execute();
  const sources = new Map<string, SharedRoadmapSource>();
  for (const row of rows) {
    const source = sources.get(row.owner_id) ?? {
      cityId: row.owner_id,
      slug: row.owner_slug,
      name: row.owner_name,
      direct: false,
      spaces: [],
    };
    if (row.target_city_id) source.direct = true;
    else if (row.space_slug) source.spaces.push({ slug: row.space_slug, name: row.space_name ?? "" });
    sources.set(row.owner_id, source);
  }
  return [...sources.values()].sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
}
