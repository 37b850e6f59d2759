import type { Kysely } from "kysely";
import { findCityBySlug, type City } from "../../db/repositories/cities";
import { listJointRowIdsLedBy } from "../../db/repositories/joint-procurements";
import * as releases from "../../db/repositories/procurement-releases";
import type { Database } from "../../db/schema";
import { fieldOf } from "../../shared/boards/fields";
import { readBoard, type BoardRow } from "../../shared/boards/model";
import { PIPELINE, type Opportunity, type Stage } from "../../shared/boards/pipeline";
import { findCityBoard, readStoredBoard } from "../boards/commands";
import { conflict, notFound, validationError } from "../errors";
import {
  buildRelease,
  buildReleaseContent,
  buildReleasePackage,
  digestOf,
  OCID_PREFIX,
  OCID_PREFIX_MAX_LENGTH,
  ocidOf,
  type Buyer,
  type OcdsRelease,
  type OcdsReleasePackage,
  type ReleaseTag,
} from "./ocds";

/** The fields a release carries: an invalid value in any of them keeps the opportunity from being published. */
const PUBLISHED_FIELDS = [
  "title",
  "outcome",
  "stage",
  "category",
  "cpv",
  "value",
  "currency",
  "budgetSource",
  "method",
  "engagementDate",
  "tenderDate",
  "awardDate",
  "contractStart",
  "contractEnd",
] as const;

/** Why an opportunity cannot be published as it stands, or null when it can. */
export function publishingProblem(row: Pick<BoardRow, "valid" | "errors">): string | null {
  if (row.errors.title || !row.valid.title) return "It needs a title";
  for (const key of PUBLISHED_FIELDS) {
    const error = row.errors[key];
    if (error) return `${fieldOf(PIPELINE, key).label}: ${error}`;
  }
  return null;
}

function titleOf(row: BoardRow | undefined): string | null {
  const title = row?.valid.title;
  return typeof title === "string" && title ? title : null;
}

async function readPipeline(db: Kysely<Database>, cityId: string): Promise<BoardRow[]> {
  const board = await findCityBoard(db, { cityId, kind: "pipeline" });
  return readStoredBoard(db, board.id, (ydoc) => readBoard(ydoc, PIPELINE));
}

/** Runs `work` in a transaction, or in the caller's when there is one (the demo seed). */
function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute(work);
}

export interface PublishReport {
  published: { rowId: string; title: string; ocid: string; releaseId: string; tag: ReleaseTag }[];
  /** Already published as they are now: nothing new to say. */
  unchanged: { rowId: string; title: string }[];
  /** Not published, with the reason. */
  invalid: { rowId: string; title: string | null; reason: string }[];
}

/**
 * Publishes the chosen opportunities of the city's pipeline as OCDS releases: the first release of
 * an opportunity is tagged `planning`, each later one that says something new `planningUpdate`; an
 * opportunity unchanged since its latest release gets none. Earlier releases are kept. The caller
 * has checked that the user may publish for the city; the rows are checked here to be on its board.
 */
export async function publishOpportunities(
  db: Kysely<Database>,
  args: {
    cityId: string;
    userId: string | null;
    rowIds: readonly string[];
    now?: Date;
    /** A joint opportunity the city leads: the board it is on, and the other cities buying with it. */
    joint?: { documentId: string; coBuyers: readonly Buyer[] };
  },
): Promise<PublishReport> {
  const rowIds = [...new Set(args.rowIds)];
  if (rowIds.length === 0)
    throw validationError(
      { opportunities: "Choose at least one opportunity to publish" },
      "Choose at least one opportunity to publish",
    );
  const now = args.now ?? new Date();
  return inTransaction(db, async (trx) => {
    // One publication of a city at a time, so release numbers and dates follow each other.
    const city = await releases.lockCityForPublishing(trx, { cityId: args.cityId });
    if (!city) throw notFound("This city does not exist");
    if (!city.ocidPrefix)
      throw validationError(
        { ocidPrefix: "Set the city's ocid prefix before publishing" },
        "Set the city's ocid prefix before publishing",
      );
    const rows = args.joint
      ? await readStoredBoard(trx, args.joint.documentId, (ydoc) => readBoard(ydoc, PIPELINE))
      : await readPipeline(trx, args.cityId);
    const board = new Map(rows.map((row) => [row.id, row]));
    const latest = new Map(
      (await releases.listLatestReleases(trx, { cityId: args.cityId })).map((release) => [
        release.rowId,
        release,
      ]),
    );
    const buyer: Buyer = { slug: city.slug, name: city.name };
    const report: PublishReport = { published: [], unchanged: [], invalid: [] };
    for (const rowId of rowIds) {
      const row = board.get(rowId);
      if (!row) {
        report.invalid.push({ rowId, title: null, reason: "It is not on the city's pipeline" });
        continue;
      }
      const title = titleOf(row);
      const problem = publishingProblem(row);
      if (problem || !title) {
        report.invalid.push({ rowId, title, reason: problem ?? "It needs a title" });
        continue;
      }
      const previous = latest.get(rowId);
      const ocid = previous?.ocid ?? ocidOf(city.ocidPrefix, rowId);
      const content = buildReleaseContent({
        ocid,
        buyer,
        coBuyers: args.joint?.coBuyers,
        opportunity: row.valid as Opportunity,
      });
      const digest = digestOf(content);
      if (previous?.digest === digest) {
        report.unchanged.push({ rowId, title });
        continue;
      }
      const tag: ReleaseTag = previous ? "planningUpdate" : "planning";
      const releaseId = `${ocid}-${(previous?.releaseCount ?? 0) + 1}`;
      // Releases of one process must follow each other in time for OCDS tools to merge them.
      const date =
        previous && previous.publishedAt.getTime() >= now.getTime()
          ? new Date(previous.publishedAt.getTime() + 1)
          : now;
      const release = buildRelease(content, { id: releaseId, date, tag });
      await releases.insertRelease(trx, {
        cityId: args.cityId,
        rowId,
        ocid,
        releaseId,
        tag,
        release: release as unknown as Record<string, unknown>,
        digest,
        publishedBy: args.userId,
        publishedAt: date,
      });
      report.published.push({ rowId, title, ocid, releaseId, tag });
    }
    return report;
  });
}

/** Where an opportunity stands with regard to publishing. */
export type PublishingState =
  /** Never published. */
  | "unpublished"
  /** Its latest release says what the board says. */
  | "published"
  /** Changed since its latest release. */
  | "changed";

export interface PipelineEntry {
  rowId: string;
  title: string | null;
  stage: Stage | null;
  state: PublishingState;
  /** Why it cannot be published as it stands. */
  problem: string | null;
  lastPublishedAt: Date | null;
  releaseCount: number;
}

export interface PublishingOverview {
  ocidPrefix: string | null;
  /** The board's opportunities in board order. */
  opportunities: PipelineEntry[];
  /** Published opportunities no longer on the board: their releases stay public. */
  removed: { rowId: string; title: string; lastPublishedAt: Date }[];
}

/** The city's opportunities with whether each is published and whether it changed since. */
export async function publishingOverview(
  db: Kysely<Database>,
  args: { cityId: string; city: Buyer },
): Promise<PublishingOverview> {
  const ocidPrefix = await releases.findOcidPrefix(db, { cityId: args.cityId });
  const rows = await readPipeline(db, args.cityId);
  const latest = new Map(
    (await releases.listLatestReleases(db, { cityId: args.cityId })).map((release) => [
      release.rowId,
      release,
    ]),
  );
  const opportunities = rows.map((row): PipelineEntry => {
    const previous = latest.get(row.id);
    const problem = publishingProblem(row);
    let state: PublishingState = "unpublished";
    if (previous) {
      const content = problem
        ? null
        : buildReleaseContent({
            ocid: previous.ocid,
            buyer: args.city,
            opportunity: row.valid as Opportunity,
          });
      state = content && digestOf(content) === previous.digest ? "published" : "changed";
    }
    return {
      rowId: row.id,
      title: titleOf(row),
      stage: (row.valid.stage as Stage | undefined) ?? null,
      state,
      problem,
      lastPublishedAt: previous?.publishedAt ?? null,
      releaseCount: previous?.releaseCount ?? 0,
    };
  });
  // Joint opportunities the city leads are published in its name but live on their spaces' boards.
  const elsewhere = new Set([
    ...rows.map((row) => row.id),
    ...(await listJointRowIdsLedBy(db, { cityId: args.cityId })),
  ]);
  const removed = [...latest.values()]
    .filter((release) => !elsewhere.has(release.rowId))
    .map((release) => ({
      rowId: release.rowId,
      title: (release.release as unknown as OcdsRelease).tender.title,
      lastPublishedAt: release.publishedAt,
    }));
  return { ocidPrefix, opportunities, removed };
}

/** Sets the prefix of the city's ocids. Once the city has published, its ocids, and so the prefix, stay as they are. */
export async function setOcidPrefix(
  db: Kysely<Database>,
  args: { cityId: string; prefix: string },
): Promise<string> {
  const prefix = args.prefix.trim().toLowerCase();
  const invalid = (message: string) => validationError({ ocidPrefix: message }, message);
  if (!prefix) throw invalid("Enter the city's ocid prefix, such as ocds-a1b2c3");
  if (prefix.length > OCID_PREFIX_MAX_LENGTH)
    throw invalid(`The prefix must be ${OCID_PREFIX_MAX_LENGTH} characters or fewer`);
  if (!OCID_PREFIX.test(prefix))
    throw invalid(
      "Enter “ocds-” followed by six letters or digits, such as ocds-a1b2c3; you may add a hyphen and letters or digits of your own after it, as in ocds-a1b2c3-transport",
    );
  return inTransaction(db, async (trx) => {
    const current = await releases.lockCityForPublishing(trx, { cityId: args.cityId });
    if (!current) throw notFound("This city does not exist");
    if (current.ocidPrefix === prefix) return prefix;
    if (await releases.hasReleases(trx, { cityId: args.cityId }))
      throw conflict(
        "The prefix cannot change once opportunities are published: their ocids must stay the same",
        {
          ocidPrefix:
            "The prefix cannot change once opportunities are published: their ocids must stay the same",
        },
      );
    await releases.updateOcidPrefix(trx, { cityId: args.cityId, prefix });
    return prefix;
  });
}

export interface PublishedOpportunity {
  rowId: string;
  ocid: string;
  /** The opportunity as it was last published. */
  release: OcdsRelease;
  publishedAt: Date;
  /** How many releases it has had. */
  releaseCount: number;
}

/** The latest release of each opportunity the city has published, oldest publication first. */
export async function listPublished(
  db: Kysely<Database>,
  args: { cityId: string },
): Promise<PublishedOpportunity[]> {
  const latest = await releases.listLatestReleases(db, { cityId: args.cityId });
  return latest.map((record) => ({
    rowId: record.rowId,
    ocid: record.ocid,
    release: record.release as unknown as OcdsRelease,
    publishedAt: record.publishedAt,
    releaseCount: record.releaseCount,
  }));
}

/** Where the city's release package is served. */
export function releasePackageUri(origin: string, slug: string): string {
  return `${origin}/api/v1/cities/${encodeURIComponent(slug)}/pipeline.ocds.json`;
}

/** Every release the city has published, as one OCDS release package; null when it has published nothing. */
export async function releasePackage(
  db: Kysely<Database>,
  args: { city: { id: string; slug: string; name: string }; origin: string },
): Promise<OcdsReleasePackage | null> {
  const stored = await releases.listReleases(db, { cityId: args.city.id });
  if (stored.length === 0) return null;
  return buildReleasePackage({
    uri: releasePackageUri(args.origin, args.city.slug),
    publisher: { name: args.city.name },
    releases: stored.map((record) => record.release as unknown as OcdsRelease),
  });
}

/** A city's published pipeline by the city's slug: null for an unknown city or one that has published nothing. */
export async function findPublishedPipeline(
  db: Kysely<Database>,
  args: { slug: string },
): Promise<{ city: City; opportunities: PublishedOpportunity[] } | null> {
  const city = await findCityBySlug(db, { slug: args.slug });
  if (!city) return null;
  const opportunities = await listPublished(db, { cityId: city.id });
  return opportunities.length > 0 ? { city, opportunities } : null;
}

export { listPublishingCities, type PublishingCity } from "../../db/repositories/procurement-releases";
