import {
  CATEGORY_VALUES,
  listCitiesWithPublishedOpportunities,
  listPublishedOpportunities,
  type OpportunityFilters,
  type PublishedOpportunity,
} from "../../db/repositories/published-opportunities";
import type { Executor } from "../../db/repositories/executor";
import type { FieldErrors } from "../../shared/validation";
import { findOverlaps, type OverlapGroup } from "./overlap";

/** The filters of the all-cities pipeline page, as typed into its form (the URL's query). */
export interface FilterValues {
  q: string;
  category: string;
  from: string;
  to: string;
  min: string;
  max: string;
  city: string;
}

export const FILTER_QUERY_MAX_LENGTH = 200;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

/** An amount as people type it: "250000", "250,000" or "£250,000". */
function amountOf(value: string): number | null {
  const cleaned = value.replace(/[\s,£€$]/g, "");
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/**
 * Reads the page's query into filters. A value that cannot be used is left out of the filters and
 * gets a message next to its field; the others still apply.
 */
export function parseFilters(query: URLSearchParams): {
  values: FilterValues;
  filters: OpportunityFilters;
  errors: FieldErrors;
} {
  const read = (name: string) => (query.get(name) ?? "").trim();
  const values: FilterValues = {
    q: read("q").slice(0, FILTER_QUERY_MAX_LENGTH),
    category: read("category"),
    from: read("from"),
    to: read("to"),
    min: read("min"),
    max: read("max"),
    city: read("city"),
  };
  const filters: OpportunityFilters = {};
  const errors: FieldErrors = {};

  if (values.q) filters.text = values.q;
  if (values.category) {
    const category = CATEGORY_VALUES.find((candidate) => candidate === values.category);
    if (category) filters.category = category;
    else errors.category = "Choose goods, services or works";
  }
  if (values.from) {
    if (validDate(values.from)) filters.tenderFrom = values.from;
    else errors.from = "Enter a real date, such as 2027-03-01";
  }
  if (values.to) {
    if (!validDate(values.to)) errors.to = "Enter a real date, such as 2027-06-30";
    else if (filters.tenderFrom && values.to < filters.tenderFrom)
      errors.to = "The end of the period comes before its start";
    else filters.tenderTo = values.to;
  }
  if (values.min) {
    const amount = amountOf(values.min);
    if (amount === null) errors.min = "Enter an amount in figures, such as 250000";
    else filters.valueMin = amount;
  }
  if (values.max) {
    const amount = amountOf(values.max);
    if (amount === null) errors.max = "Enter an amount in figures, such as 1000000";
    else if (filters.valueMin !== undefined && amount < filters.valueMin)
      errors.max = "The highest value is less than the lowest";
    else filters.valueMax = amount;
  }
  if (values.city) filters.citySlug = values.city;
  return { values, filters, errors };
}

export interface PipelinesView {
  opportunities: PublishedOpportunity[];
  /** Groups of similar opportunities of different cities with at least one opportunity listed. */
  groups: OverlapGroup<PublishedOpportunity>[];
  cities: { slug: string; name: string }[];
  /** How many opportunities are published in all, before filtering. */
  total: number;
}

/** Every city's published opportunities that pass the filters, and the overlaps among them. */
export async function browsePipelines(
  db: Executor,
  args: { filters: OpportunityFilters },
): Promise<PipelinesView> {
  const [all, opportunities, cities] = await Promise.all([
    listPublishedOpportunities(db),
    listPublishedOpportunities(db, { filters: args.filters }),
    listCitiesWithPublishedOpportunities(db),
  ]);
  const listed = new Set(opportunities.map((opportunity) => `${opportunity.cityId}/${opportunity.rowId}`));
  const groups = findOverlaps(all).filter((group) =>
    group.opportunities.some((opportunity) => listed.has(`${opportunity.cityId}/${opportunity.rowId}`)),
  );
  return { opportunities, groups, cities, total: all.length };
}

/** The groups of similar opportunities that the city's own published opportunities are in. */
export async function overlapsOfCity(
  db: Executor,
  args: { cityId: string },
): Promise<OverlapGroup<PublishedOpportunity>[]> {
  const groups = findOverlaps(await listPublishedOpportunities(db));
  return groups.filter((group) =>
    group.opportunities.some((opportunity) => opportunity.cityId === args.cityId),
  );
}
