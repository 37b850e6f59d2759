import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import * as Y from "yjs";
import { findCityById, listCities } from "../../db/repositories/cities";
import * as documents from "../../db/repositories/documents";
import * as joint from "../../db/repositories/joint-procurements";
import * as releases from "../../db/repositories/procurement-releases";
import * as spaces from "../../db/repositories/spaces";
import type { Executor } from "../../db/repositories/executor";
import type { SharedSpace } from "../../db/repositories/spaces";
import type { Database } from "../../db/schema";
import { insertRow, newRowId, readBoard, type BoardRow } from "../../shared/boards/model";
import { PIPELINE } from "../../shared/boards/pipeline";
import { SPACE_LIMITS, spaceSlugFor } from "../../shared/spaces";
import { findCityBoard, readStoredBoard, storeNewBoard } from "../boards/commands";
import { forbidden, notFound, validationError } from "../errors";
import { notify } from "../notifications/notify";
import { can, type Actor } from "../policy";
import type { SpaceDeps, SpaceView } from "../spaces/commands";
import type { Buyer } from "./ocds";
import { publishOpportunities, type PublishReport } from "./publishing";

/** Fields of an opportunity that only make sense in its own city: links to that city's roadmap. */
const CITY_ONLY_FIELDS = new Set(["roadmapItems"]);

function cut(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}

export async function readOpportunity(
  db: Kysely<Database>,
  cityId: string,
  rowId: string,
): Promise<BoardRow> {
  const board = await findCityBoard(db, { cityId, kind: "pipeline" });
  const rows = await readStoredBoard(db, board.id, (ydoc) => readBoard(ydoc, PIPELINE));
  const row = rows.find((candidate) => candidate.id === rowId);
  if (!row) throw notFound("That opportunity is not on the city's pipeline");
  return row;
}

/**
 * Makes the shared space of a joint procurement, convened by the lead buyer's city, with the joint
 * opportunity as a copy of the city's (without links to its own roadmap) on the space's pipeline
 * board, and invites the other cities. Call it inside a transaction.
 */
export async function openJointProcurement(
  trx: Executor,
  args: { cityId: string; userId: string | null; opportunity: BoardRow; invitedCityIds: readonly string[] },
): Promise<SharedSpace> {
  const values = Object.fromEntries(
    Object.entries(args.opportunity.valid).filter(([key]) => !CITY_ONLY_FIELDS.has(key)),
  );
  const title = typeof values.title === "string" ? values.title : "";
  const outcome = typeof values.outcome === "string" ? values.outcome.trim() : "";
  const space = await spaces.insertSharedSpace(trx, {
    slug: spaceSlugFor(title, randomBytes(4).toString("hex").slice(0, 6)),
    name: cut(`Joint procurement: ${title}`, SPACE_LIMITS.nameLength),
    purpose: cut(outcome, SPACE_LIMITS.purposeLength),
    open: false,
    convenerCityId: args.cityId,
    createdBy: args.userId,
  });
  const board = await documents.insertDocument(trx, {
    spaceId: space.id,
    kind: "pipeline",
    title: "Joint opportunity",
    createdBy: args.userId,
  });
  const ydoc = new Y.Doc();
  const rowId = insertRow(ydoc, PIPELINE, { id: newRowId(), values });
  await storeNewBoard(trx, { documentId: board.id, kind: "pipeline", ydoc });
  await joint.insertJointProcurement(trx, {
    spaceId: space.id,
    leadCityId: args.cityId,
    originCityId: args.cityId,
    originRowId: args.opportunity.id,
    rowId,
  });
  for (const cityId of args.invitedCityIds)
    await spaces.inviteSpaceCity(trx, { spaceId: space.id, cityId, invitedBy: args.userId });
  return space;
}

/**
 * A lead proposes to buy one of the city's opportunities jointly with other cities. A shared space
 * is made for it, convened by the city, which is the lead buyer; the joint opportunity starts as a
 * copy of the city's (without links to its own roadmap) on the space's pipeline board. The invited
 * cities' leads are told and answer from their spaces page; the space opens to each city that accepts.
 */
export async function proposeJointProcurement(
  deps: SpaceDeps,
  args: {
    actor: Actor;
    cityId: string;
    userId: string;
    userName: string;
    rowId: string;
    invitedCityIds: readonly string[];
  },
): Promise<{ slug: string }> {
  if (!can(args.actor, "publish", { type: "city", id: args.cityId }))
    throw forbidden("Only a lead of the city may propose a joint procurement");
  const invited = [...new Set(args.invitedCityIds)].filter((id) => id !== args.cityId);
  const message = "Choose at least one other city to invite";
  if (invited.length === 0) throw validationError({ cities: message }, message);
  const known = new Set((await listCities(deps.db)).map((city) => city.id));
  if (invited.some((id) => !known.has(id))) throw validationError({ cities: "Choose cities from the list" });
  const opportunity = await readOpportunity(deps.db, args.cityId, args.rowId);
  const title = typeof opportunity.valid.title === "string" ? opportunity.valid.title : "";
  if (!title)
    throw validationError(
      { rowId: "Give the opportunity a title first" },
      "Give the opportunity a title first",
    );
  const city = await findCityById(deps.db, { id: args.cityId });
  if (!city) throw notFound("This city does not exist");

  const space = await deps.db.transaction().execute((trx) =>
    openJointProcurement(trx, {
      cityId: args.cityId,
      userId: args.userId,
      opportunity,
      invitedCityIds: invited,
    }),
  );

  const leads = await spaces.listLeadsOfCities(deps.db, { cityIds: invited });
  await notify(
    deps,
    leads.map((lead) => ({
      userId: lead.userId,
      kind: "spaceInvitation" as const,
      text: `${args.userName} of ${city.name} proposes buying “${title}” jointly with your city.`,
      link: null,
    })),
  ).catch(() => undefined);
  return { slug: space.slug };
}

/** A joint procurement as the members of its space see it. */
export interface JointView {
  spaceId: string;
  pipelineId: string;
  rowId: string;
  lead: Buyer & { id: string };
  origin: { citySlug: string; cityName: string; rowId: string } | null;
  /** The joint opportunity's latest release, when the lead buyer has published it. */
  published: { ocid: string; at: Date; releaseCount: number } | null;
}

export async function findJointView(db: Kysely<Database>, view: SpaceView): Promise<JointView | null> {
  const record = await joint.findJointProcurement(db, { spaceId: view.space.id });
  if (!record) return null;
  const board = await documents.findBoardOfSpace(db, { spaceId: view.space.id, kind: "pipeline" });
  const lead = await findCityById(db, { id: record.leadCityId });
  if (!board || !lead) return null;
  const origin = record.originCityId ? await findCityById(db, { id: record.originCityId }) : null;
  const release = (await releases.listLatestReleases(db, { cityId: lead.id })).find(
    (candidate) => candidate.rowId === record.rowId,
  );
  return {
    spaceId: view.space.id,
    pipelineId: board.id,
    rowId: record.rowId,
    lead: { id: lead.id, slug: lead.slug, name: lead.name },
    origin:
      origin && record.originRowId && view.cityIds.includes(origin.id)
        ? { citySlug: origin.slug, cityName: origin.name, rowId: record.originRowId }
        : null,
    published: release
      ? { ocid: release.ocid, at: release.publishedAt, releaseCount: release.releaseCount }
      : null,
  };
}

/**
 * A lead of the lead buyer publishes the joint opportunity in their city's name: one OCDS release
 * naming every city taking part as a buyer, and the lead buyer as the procuring entity.
 */
export async function publishJointOpportunity(
  db: Kysely<Database>,
  args: { actor: Actor; view: SpaceView; joint: JointView; userId: string; now?: Date },
): Promise<PublishReport> {
  if (!can(args.actor, "publish", { type: "city", id: args.joint.lead.id }))
    throw forbidden("Only a lead of the lead buyer may publish the joint opportunity");
  const coBuyers = args.view.cities
    .filter((city) => city.status === "member" && city.cityId !== args.joint.lead.id)
    .map((city) => ({ slug: city.slug, name: city.name }));
  return publishOpportunities(db, {
    cityId: args.joint.lead.id,
    userId: args.userId,
    rowIds: [args.joint.rowId],
    now: args.now,
    joint: { documentId: args.joint.pipelineId, coBuyers },
  });
}
