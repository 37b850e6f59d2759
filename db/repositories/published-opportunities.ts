import { sql, type Expression, type SqlBool } from "kysely";
import { z } from "zod";
import type { Executor } from "./executor";

/** An opportunity as its latest published release describes it: public data, readable by anyone. */
export interface PublishedOpportunity {
  cityId: string;
  citySlug: string;
  cityName: string;
  /** The opportunity's row on its city's pipeline board. */
  rowId: string;
  ocid: string;
  releaseId: string;
  publishedAt: Date;
  title: string;
  /** The outcome sought. */
  description: string;
  category: "goods" | "services" | "works" | null;
  value: { amount: number; currency: string } | null;
  /** OCDS tender status: planning, planned, active, complete, cancelled, withdrawn. */
  status: string | null;
  /** How the city means to buy, in its own words (the board's method). */
  methodDetails: string | null;
  buyerName: string | null;
  rationale: string | null;
  budgetDescription: string | null;
  /** Dates as YYYY-MM-DD. */
  engagementDate: string | null;
  tenderStart: string | null;
  awardDate: string | null;
  contractStart: string | null;
  contractEnd: string | null;
}

export const CATEGORY_VALUES = ["goods", "services", "works"] as const;

/** What narrows the list of published opportunities; every part is optional. */
export interface OpportunityFilters {
  /** Words that must each appear in the title, the outcome or the buyer's name. */
  text?: string;
  category?: (typeof CATEGORY_VALUES)[number];
  /** Tender start on or after / on or before, YYYY-MM-DD. */
  tenderFrom?: string;
  tenderTo?: string;
  /** Estimated value at least / at most, in the opportunity's own currency. */
  valueMin?: number;
  valueMax?: number;
  citySlug?: string;
}

const period = z.object({ startDate: z.string().optional(), endDate: z.string().optional() }).partial();

/** The parts of an OCDS release this view reads; anything malformed reads as absent. */
const releaseShape = z.object({
  buyer: z.object({ name: z.string() }).partial().optional().catch(undefined),
  planning: z
    .object({
      rationale: z.string().optional().catch(undefined),
      budget: z.object({ description: z.string().optional() }).optional().catch(undefined),
      milestones: z
        .array(
          z.object({
            id: z.string().optional(),
            type: z.string().optional(),
            dueDate: z.string().optional(),
          }),
        )
        .optional()
        .catch(undefined),
    })
    .optional()
    .catch(undefined),
  tender: z
    .object({
      title: z.string().optional().catch(undefined),
      description: z.string().optional().catch(undefined),
      status: z.string().optional().catch(undefined),
      mainProcurementCategory: z.enum(CATEGORY_VALUES).optional().catch(undefined),
      value: z.object({ amount: z.number(), currency: z.string() }).optional().catch(undefined),
      procurementMethodDetails: z.string().optional().catch(undefined),
      tenderPeriod: period.optional().catch(undefined),
      awardPeriod: period.optional().catch(undefined),
      contractPeriod: period.optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
});

const dateOf = (value: string | undefined): string | null =>
  value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;

interface ReleaseRow {
  city_id: string;
  row_id: string;
  ocid: string;
  release_id: string;
  release: unknown;
  published_at: Date;
  city_slug: string;
  city_name: string;
}

function toOpportunity(row: ReleaseRow): PublishedOpportunity {
  const parsed = releaseShape.safeParse(row.release);
  const release = parsed.success ? parsed.data : {};
  const tender = release.tender ?? {};
  const planning = release.planning ?? {};
  const engagement = planning.milestones?.find(
    (milestone) => milestone.type === "engagement" || milestone.id === "market-engagement",
  );
  return {
    cityId: row.city_id,
    citySlug: row.city_slug,
    cityName: row.city_name,
    rowId: row.row_id,
    ocid: row.ocid,
    releaseId: row.release_id,
    publishedAt: row.published_at,
    title: tender.title?.trim() || "Untitled opportunity",
    description: tender.description ?? "",
    category: tender.mainProcurementCategory ?? null,
    value: tender.value ?? null,
    status: tender.status ?? null,
    methodDetails: tender.procurementMethodDetails ?? null,
    buyerName: release.buyer?.name ?? null,
    rationale: planning.rationale ?? null,
    budgetDescription: planning.budget?.description ?? null,
    engagementDate: dateOf(engagement?.dueDate),
    tenderStart: dateOf(tender.tenderPeriod?.startDate),
    awardDate: dateOf(tender.awardPeriod?.startDate),
    contractStart: dateOf(tender.contractPeriod?.startDate),
    contractEnd: dateOf(tender.contractPeriod?.endDate),
  };
}

/** `like` pattern for text that must appear as typed: % and _ are matched literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

/** The latest release of every published opportunity, as the table of releases (alias `r`). */
function latestReleases(db: Executor) {
  return db
    .selectFrom("procurement_releases")
    .distinctOn(["procurement_releases.city_id", "procurement_releases.row_id"])
    .select(["city_id", "row_id", "ocid", "release_id", "release", "published_at"])
    .orderBy("procurement_releases.city_id")
    .orderBy("procurement_releases.row_id")
    .orderBy("procurement_releases.published_at", "desc")
    .orderBy("procurement_releases.id", "desc");
}

/**
 * Every city's published opportunities (the latest release of each) that pass the filters, by
 * tender date (undated last), then title.
 */
export async function listPublishedOpportunities(
  db: Executor,
  args: { filters?: OpportunityFilters } = {},
): Promise<PublishedOpportunity[]> {
  const filters = args.filters ?? {};
  const tender = sql`r.release -> 'tender'`;
  const tenderStart = sql<string | null>`left(${tender} -> 'tenderPeriod' ->> 'startDate', 10)`;
  const amount = sql<number | null>`case when jsonb_typeof(${tender} -> 'value' -> 'amount') = 'number'
    then (${tender} -> 'value' ->> 'amount')::numeric end`;
  const title = sql<string>`coalesce(${tender} ->> 'title', '')`;
  const rows = await db
    .selectFrom(latestReleases(db).as("r"))
    .innerJoin("cities", "cities.id", "r.city_id")
    .select([
      "r.city_id",
      "r.row_id",
      "r.ocid",
      "r.release_id",
      "r.release",
      "r.published_at",
      "cities.slug as city_slug",
      "cities.name as city_name",
    ])
    .where((eb) => {
      const conditions: Expression<SqlBool>[] = [];
      for (const word of (filters.text ?? "").split(/\s+/).filter(Boolean)) {
        const pattern = containing(word);
        conditions.push(
          eb.or([
            eb(title, "ilike", pattern),
            eb(sql`coalesce(${tender} ->> 'description', '')`, "ilike", pattern),
            eb("cities.name", "ilike", pattern),
          ]),
        );
      }
      if (filters.category)
        conditions.push(eb(sql`${tender} ->> 'mainProcurementCategory'`, "=", filters.category));
      if (filters.tenderFrom) conditions.push(eb(tenderStart, ">=", filters.tenderFrom));
      if (filters.tenderTo) conditions.push(eb(tenderStart, "<=", filters.tenderTo));
      if (filters.valueMin !== undefined) conditions.push(eb(amount, ">=", filters.valueMin));
      if (filters.valueMax !== undefined) conditions.push(eb(amount, "<=", filters.valueMax));
      if (filters.citySlug) conditions.push(eb("cities.slug", "=", filters.citySlug));
      return eb.and(conditions);
    })
    .orderBy(sql`${tenderStart} asc nulls last`)
    .orderBy(sql`lower(${title})`)
    .orderBy("cities.name")
    .execute();
  return rows.map(toOpportunity);
}

/** The latest release of one opportunity, or null when it was never published. */
export async function findPublishedOpportunity(
  db: Executor,
  args: { cityId: string; rowId: string },
): Promise<PublishedOpportunity | null> {
  const row = await db
    .selectFrom("procurement_releases")
    .innerJoin("cities", "cities.id", "procurement_releases.city_id")
    .select([
      "procurement_releases.city_id",
      "procurement_releases.row_id",
      "procurement_releases.ocid",
      "procurement_releases.release_id",
      "procurement_releases.release",
      "procurement_releases.published_at",
      "cities.slug as city_slug",
      "cities.name as city_name",
    ])
    .where("procurement_releases.city_id", "=", args.cityId)
    .where("procurement_releases.row_id", "=", args.rowId)
    .orderBy("procurement_releases.published_at", "desc")
    .orderBy("procurement_releases.id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? toOpportunity(row) : null;
}

/** The cities with at least one published opportunity, by name. */
export async function listCitiesWithPublishedOpportunities(
  db: Executor,
): Promise<{ slug: string; name: string }[]> {
  return db
    .selectFrom("cities")
    .select(["slug", "name"])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("procurement_releases")
          .select("id")
          .whereRef("procurement_releases.city_id", "=", "cities.id"),
      ),
    )
    .orderBy("name")
    .execute();
}
