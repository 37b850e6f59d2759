import { sql } from "kysely";
import type { City } from "./cities";
import type { Executor } from "./executor";

/** A publication of a city's public page, as stored. */
export interface PublicationRecord {
  id: string;
  number: number;
  publisherName: string;
  publishedAt: Date;
  sections: Record<string, unknown>;
  republished: string[];
}

/** A city with at least one publication, and when it last published. */
export interface PublishedCity {
  slug: string;
  name: string;
  country: string;
  publications: number;
  lastPublishedAt: Date;
  /** The number of its latest publication. */
  latestNumber: number;
  /** The sections its latest publication holds. */
  latestSections: string[];
}

const COLUMNS = ["id", "number", "publisher_name", "published_at", "sections", "republished"] as const;

function toRecord(row: {
  id: string;
  number: number;
  publisher_name: string;
  published_at: Date;
  sections: Record<string, unknown>;
  republished: string[];
}): PublicationRecord {
  return {
    id: row.id,
    number: row.number,
    publisherName: row.publisher_name,
    publishedAt: row.published_at,
    sections: row.sections,
    republished: row.republished,
  };
}

/** Locks the city's row until the transaction ends, so its publications are numbered one at a time. */
export async function lockCityForPublication(db: Executor, args: { cityId: string }): Promise<boolean> {
  const row = await db
    .selectFrom("cities")
    .select("id")
    .where("id", "=", args.cityId)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertPublication(
  db: Executor,
  args: {
    cityId: string;
    number: number;
    publishedBy: string | null;
    publisherName: string;
    publishedAt: Date;
    sections: Record<string, unknown>;
    republished: string[];
  },
): Promise<PublicationRecord> {
  const row = await db
    .insertInto("publications")
    .values({
      city_id: args.cityId,
      number: args.number,
      published_by: args.publishedBy,
      publisher_name: args.publisherName,
      published_at: args.publishedAt,
      sections: JSON.stringify(args.sections),
      republished: JSON.stringify(args.republished),
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toRecord(row);
}

/**
 * A city by its slug with the number of its latest publication (null when it has published
 * nothing), in one read: what a public page needs to know whether its cached copy is current.
 */
export async function findCityWithLatestNumber(
  db: Executor,
  args: { slug: string },
): Promise<{ city: City; latestNumber: number | null } | null> {
  const row = await db
    .selectFrom("cities")
    .select(["cities.id", "cities.slug", "cities.name", "cities.country", "cities.created_at"])
    .select((eb) =>
      eb
        .selectFrom("publications")
        .whereRef("publications.city_id", "=", "cities.id")
        .select((inner) => inner.fn.max("publications.number").as("number"))
        .as("latest_number"),
    )
    .where("cities.slug", "=", args.slug)
    .executeTakeFirst();
  if (!row) return null;
  return {
    city: { id: row.id, slug: row.slug, name: row.name, country: row.country, createdAt: row.created_at },
    latestNumber: row.latest_number === null ? null : Number(row.latest_number),
  };
}

/** The city's latest publication, or null when it has published nothing. */
export async function findLatestPublication(
  db: Executor,
  args: { cityId: string },
): Promise<PublicationRecord | null> {
  const row = await db
    .selectFrom("publications")
    .select(COLUMNS)
    .where("city_id", "=", args.cityId)
    .orderBy("number", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function findPublication(
  db: Executor,
  args: { cityId: string; number: number },
): Promise<PublicationRecord | null> {
  const row = await db
    .selectFrom("publications")
    .select(COLUMNS)
    .where("city_id", "=", args.cityId)
    .where("number", "=", args.number)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** The city's publications, newest first, without their content. */
export async function listPublications(
  db: Executor,
  args: { cityId: string },
): Promise<Omit<PublicationRecord, "sections">[]> {
  const rows = await db
    .selectFrom("publications")
    .select(["id", "number", "publisher_name", "published_at", "republished"])
    .where("city_id", "=", args.cityId)
    .orderBy("number", "desc")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    publisherName: row.publisher_name,
    publishedAt: row.published_at,
    republished: row.republished,
  }));
}

/** Every city that has published its page, by name; or only the one city asked for. */
export async function listPublishedCities(
  db: Executor,
  args: { cityId?: string } = {},
): Promise<PublishedCity[]> {
  let query = db
    .selectFrom("publications")
    .innerJoin("cities", "cities.id", "publications.city_id")
    .select(["cities.slug", "cities.name", "cities.country"])
    .select((eb) => [
      eb.fn.countAll<string>().as("publications"),
      eb.fn.max("publications.published_at").as("last_published_at"),
      eb.fn.max("publications.number").as("latest_number"),
      sql<string[] | null>`(
        select jsonb_agg(section) from jsonb_object_keys((
          select latest.sections from publications latest
          where latest.city_id = cities.id order by latest.number desc limit 1
        )) section
      )`.as("latest_sections"),
    ])
    .groupBy(["cities.id", "cities.slug", "cities.name", "cities.country"])
    .orderBy("cities.name");
  if (args.cityId) query = query.where("cities.id", "=", args.cityId);
  const rows = await query.execute();
  return rows.map((row) => ({
    slug: row.slug,
    name: row.name,
    country: row.country,
    publications: Number(row.publications),
    lastPublishedAt: new Date(row.last_published_at),
    latestNumber: Number(row.latest_number),
    latestSections: row.latest_sections ?? [],
  }));
}

/**
 * The city's first rich-text document of a kind (its vision, its guiding principles), leaving
 * archived ones out.
 */
export async function findFirstDocumentOfKind(
  db: Executor,
  args: { cityId: string; kind: string },
): Promise<{ id: string; title: string } | null> {
  const row = await db
    .selectFrom("documents")
    .innerJoin("spaces", "spaces.id", "documents.space_id")
    .select(["documents.id", "documents.title"])
    .where("spaces.kind", "=", "city")
    .where("spaces.city_id", "=", args.cityId)
    .where("documents.kind", "=", args.kind)
    .where("documents.archived_at", "is", null)
    .orderBy("documents.created_at")
    .orderBy("documents.id")
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

/** The city's pages (rich-text documents of kind page) that are not archived, newest first. */
export async function listPagesOfCity(
  db: Executor,
  args: { cityId: string },
): Promise<{ id: string; title: string; updatedAt: Date }[]> {
  const rows = await db
    .selectFrom("documents")
    .innerJoin("spaces", "spaces.id", "documents.space_id")
    .select(["documents.id", "documents.title", "documents.updated_at"])
    .where("spaces.kind", "=", "city")
    .where("spaces.city_id", "=", args.cityId)
    .where("documents.kind", "=", "page")
    .where("documents.archived_at", "is", null)
    .orderBy("documents.updated_at", "desc")
    .orderBy(sql.ref("documents.id"))
    .execute();
  return rows.map((row) => ({ id: row.id, title: row.title, updatedAt: row.updated_at }));
}
