import type { Kysely } from "kysely";
import * as boardRows from "../../db/repositories/board-rows";
import * as documents from "../../db/repositories/documents";
import type { Database } from "../../db/schema";
import { addMissingRecommendations, TRACKER, type TrackerEntry } from "../../shared/boards/framework";
import { readBoard } from "../../shared/boards/model";
import { RECOMMENDATIONS, clauseById } from "../../shared/scf/catalogue";
import { trackerCoverage } from "../../shared/scf/coverage";
import { findCityBoard, readStoredBoard } from "../boards/commands";
import type { CollabHub } from "../collab/hub";
import { notFound } from "../errors";

/**
 * The city's framework tracker, with a row for every recommendation of the framework: rows the
 * tracker lacks (a new city, or recommendations added to the catalogue since) are added first, as
 * one server change everyone with the tracker open receives.
 */
export async function openTracker(
  db: Kysely<Database>,
  args: { cityId: string; hub: CollabHub | undefined },
): Promise<{ id: string }> {
  const board = await findCityBoard(db, { cityId: args.cityId, kind: "framework" });
  const projected = await boardRows.listBoardRows(db, { documentId: board.id });
  const present = new Set(projected.map((row) => row.rowId));
  const complete = RECOMMENDATIONS.every((recommendation) => present.has(recommendation.id));
  if (!complete && args.hub) await args.hub.change(board.id, null, (ydoc) => addMissingRecommendations(ydoc));
  return board;
}

/** The city's tracker entries as stored, by recommendation id. */
export async function readTrackerEntries(
  db: Kysely<Database>,
  args: { cityId: string },
): Promise<Map<string, TrackerEntry>> {
  const board = await findCityBoard(db, { cityId: args.cityId, kind: "framework" });
  return readStoredBoard(db, board.id, (ydoc) => {
    const entries = new Map<string, TrackerEntry>();
    for (const row of readBoard(ydoc, TRACKER)) entries.set(row.id, row.valid as TrackerEntry);
    return entries;
  });
}

/**
 * The city's tracker as JSON for other tools: every recommendation with the city's status, owner,
 * target date, evidence and notes, and the coverage figures.
 */
export async function trackerJson(
  db: Kysely<Database>,
  args: { city: { id: string; slug: string; name: string }; today: string },
) {
  const entries = await readTrackerEntries(db, { cityId: args.city.id });
  const coverage = trackerCoverage(entries, args.today);
  return {
    city: { slug: args.city.slug, name: args.city.name },
    asOf: args.today,
    recommendations: RECOMMENDATIONS.map((recommendation) => {
      const entry = entries.get(recommendation.id) ?? {};
      return {
        id: recommendation.id,
        clause: recommendation.clause.id,
        recommendation: recommendation.text,
        status: entry.status ?? "not-started",
        reason: entry.reason || null,
        owner: entry.owner ? { userId: entry.owner.userId, name: entry.owner.name } : null,
        target: entry.target ?? null,
        evidence: entry.evidence ?? [],
        notes: entry.notes || null,
      };
    }),
    coverage: {
      overall: coverage.overall,
      components: coverage.components,
      processAreas: coverage.areas,
      overdue: coverage.overdue.map((item) => item.recommendation.id),
    },
  };
}

/** The city's workbook on a clause, made the first time it is opened. */
export async function openWorkbook(
  db: Kysely<Database>,
  args: { cityId: string; clauseId: string; userId: string },
): Promise<{ id: string }> {
  const clause = clauseById(args.clauseId);
  if (!clause) throw notFound("The framework has no such clause");
  const spaceId = await documents.findCitySpaceId(db, { cityId: args.cityId });
  if (!spaceId) throw notFound("That city has no space");
  return documents.findOrInsertWorkbook(db, {
    spaceId,
    clauseId: clause.id,
    title: `Workbook: ${clause.id} ${clause.title}`,
    createdBy: args.userId,
  });
}

/**
 * The city's roadmap items that name a clause, or one of its recommendations, among their
 * framework references, as last projected.
 */
export async function roadmapItemsForClause(
  db: Kysely<Database>,
  args: { cityId: string; clauseId: string },
): Promise<{ id: string; title: string; status: string | null; refs: string[] }[]> {
  const board = await findCityBoard(db, { cityId: args.cityId, kind: "roadmap" });
  const rows = await boardRows.listBoardRows(db, { documentId: board.id });
  const names = (ref: string) => ref === args.clauseId || ref.replace(/[a-z]$/, "") === args.clauseId;
  return rows.flatMap((row) => {
    const refs = Array.isArray(row.data.clauses) ? (row.data.clauses as string[]) : [];
    const matching = refs.filter(names);
    if (matching.length === 0) return [];
    return [
      {
        id: row.rowId,
        title: typeof row.data.title === "string" ? row.data.title : "",
        status: typeof row.data.status === "string" ? row.data.status : null,
        refs: matching,
      },
    ];
  });
}

/** What a tracker entry's evidence may link to: the city's documents and roadmap items. */
export async function evidenceChoices(
  db: Kysely<Database>,
  args: { cityId: string },
): Promise<{ documents: { id: string; title: string }[]; roadmapItems: { id: string; title: string }[] }> {
  const listed = await documents.listDocumentsOfCity(db, { cityId: args.cityId, archived: false });
  const roadmap = await findCityBoard(db, { cityId: args.cityId, kind: "roadmap" });
  const items = await boardRows.listBoardRows(db, { documentId: roadmap.id });
  return {
    documents: listed.map((document) => ({ id: document.id, title: document.title })),
    roadmapItems: items.flatMap((row) =>
      typeof row.data.title === "string" ? [{ id: row.rowId, title: row.data.title }] : [],
    ),
  };
}
