import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";

export interface ReleaseFields {
  rowId?: string;
  title: string;
  description?: string;
  category?: "goods" | "services" | "works";
  status?: string;
  value?: { amount: number; currency: string };
  tenderStart?: string;
  awardDate?: string;
  publishedAt?: Date;
}

/**
 * Stores an OCDS release of an opportunity as publishing does: what the all-cities pages read.
 * Returns the opportunity's row id.
 */
export async function publishRelease(
  db: Kysely<Database>,
  city: { id: string; slug: string; name: string },
  fields: ReleaseFields,
): Promise<string> {
  const rowId = fields.rowId ?? randomUUID().slice(0, 12);
  const ocid = `ocds-test01-${city.slug}-${rowId}`;
  const releaseId = `${ocid}-${randomUUID().slice(0, 8)}`;
  const publishedAt = fields.publishedAt ?? new Date();
  const tender: Record<string, unknown> = {
    id: ocid,
    title: fields.title,
    status: fields.status ?? "planned",
  };
  if (fields.description) tender.description = fields.description;
  if (fields.category) tender.mainProcurementCategory = fields.category;
  if (fields.value) tender.value = fields.value;
  if (fields.tenderStart) tender.tenderPeriod = { startDate: `${fields.tenderStart}T00:00:00Z` };
  if (fields.awardDate) tender.awardPeriod = { startDate: `${fields.awardDate}T00:00:00Z` };
  const party = { id: `city-${city.slug}`, name: city.name };
  const release = {
    ocid,
    id: releaseId,
    date: publishedAt.toISOString(),
    tag: ["planning"],
    initiationType: "tender",
    language: "en",
    parties: [{ ...party, roles: ["buyer"] }],
    buyer: party,
    planning: fields.description ? { rationale: fields.description } : {},
    tender,
  };
  await db
    .insertInto("procurement_releases")
    .values({
      city_id: city.id,
      row_id: rowId,
      ocid,
      release_id: releaseId,
      tag: "planning",
      release: JSON.stringify(release),
      digest: randomUUID(),
      published_by: null,
      published_at: publishedAt,
    })
    .execute();
  return rowId;
}
