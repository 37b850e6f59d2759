import type { Kysely } from "kysely";
import { generateNKeysBetween } from "fractional-indexing";
import { findCityById, findCityBySlug, type City } from "../../db/repositories/cities";
import * as shares from "../../db/repositories/roadmap-shares";
import { findSpaceBySlug, listLeadsOfCities, listSpaceCities } from "../../db/repositories/spaces";
import type { Database } from "../../db/schema";
import { compareRoadmaps, type RoadmapComparison } from "../../shared/boards/compare";
import { UUID_PATTERN } from "../../shared/documents";
import { insertRow, newRowId, orderedRows, type BoardRow } from "../../shared/boards/model";
import { ROADMAP, type RoadmapItem } from "../../shared/boards/roadmap";
import type { CollabHub } from "../collab/hub";
import { conflict, DomainError, forbidden, notFound, validationError } from "../errors";
import { notify } from "../notifications/notify";
import { can, type Actor } from "../policy";
import type { RealtimeEmitter } from "../realtime/emitter";
import { findCityBoard, readRoadmap } from "./commands";

export type { RoadmapShare, SharedRoadmapSource } from "../../db/repositories/roadmap-shares";

interface SharingDeps {
  db: Kysely<Database>;
  realtime: RealtimeEmitter;
}

/** What a peer city reads of a shared roadmap item: the plan, never who in the city owns it. */
export interface SharedRoadmapItem {
  id: string;
  title: string;
  description: string;
  phase: RoadmapItem["phase"];
  status: RoadmapItem["status"];
  start: string | null;
  end: string | null;
  quickWin: boolean;
  milestone: boolean;
  clauses: string[];
}

function sharedItem(row: BoardRow): SharedRoadmapItem {
  const item = row.valid as Partial<RoadmapItem>;
  return {
    id: row.id,
    title: item.title ?? "",
    description: item.description ?? "",
    phase: item.phase,
    status: item.status,
    start: item.start ?? null,
    end: item.end ?? null,
    quickWin: item.quickWin === true,
    milestone: item.milestone === true,
    clauses: item.clauses ?? [],
  };
}

const shareFormMessage = "Choose a city or a shared space";

/**
 * A lead shares the city's roadmap read-only with a peer city, or with a shared space the city takes
 * part in (and so with every city in it). The target city's leads, or the space's other cities' leads,
 * are told.
 */
export async function shareRoadmap(
  deps: SharingDeps,
  args: { actor: Actor; city: City; userId: string; userName: string; target: string },
): Promise<void> {
  if (!can(args.actor, "manageMembers", { type: "city", id: args.city.id }))
    throw forbidden("Only a lead of the city may share its roadmap");
  const [type, slug] = args.target.split(":", 2);
  let target: shares.ShareTarget;
  let told: string[];
  let where: string;
  if (type === "city" && slug) {
    const peer = await findCityBySlug(deps.db, { slug });
    if (!peer) throw validationError({ target: shareFormMessage }, shareFormMessage);
    if (peer.id === args.city.id)
      throw validationError(
        { target: "Choose another city than your own" },
        "Choose another city than your own",
      );
    target = { type: "city", cityId: peer.id };
    told = [peer.id];
    where = "your city";
  } else if (type === "space" && slug) {
    const space = await findSpaceBySlug(deps.db, { slug });
    const cities = space ? await listSpaceCities(deps.db, { spaceId: space.id }) : [];
    const members = cities.filter((city) => city.status === "member").map((city) => city.cityId);
    // A space the city is not in is answered like one that does not exist.
    if (!space || !members.includes(args.city.id))
      throw validationError({ target: shareFormMessage }, shareFormMessage);
    target = { type: "space", spaceId: space.id };
    told = members.filter((id) => id !== args.city.id);
    where = `the shared space “${space.name}”`;
  } else {
    throw validationError({ target: shareFormMessage }, shareFormMessage);
  }
  const added = await shares.insertShare(deps.db, { cityId: args.city.id, target, sharedBy: args.userId });
  if (!added) throw conflict("The roadmap is already shared there", { target: "Already shared there" });
  const leads = await listLeadsOfCities(deps.db, { cityIds: told });
  const cities = new Map<string, City | null>();
  for (const cityId of new Set(leads.map((lead) => lead.cityId)))
    cities.set(cityId, await findCityById(deps.db, { id: cityId }));
  await notify(
    deps,
    leads.map((lead) => ({
      userId: lead.userId,
      kind: "roadmapShared" as const,
      text: `${args.userName} shared ${args.city.name}'s roadmap with ${where}.`,
      link: `/c/${cities.get(lead.cityId)?.slug ?? ""}/roadmap/shared/${args.city.slug}`,
    })),
  ).catch(() => undefined);
}

/** A lead stops one share of the city's roadmap; readers lose it at once. */
export async function stopSharingRoadmap(
  db: Kysely<Database>,
  args: { actor: Actor; cityId: string; shareId: string },
): Promise<void> {
  if (!can(args.actor, "manageMembers", { type: "city", id: args.cityId }))
    throw forbidden("Only a lead of the city may stop sharing its roadmap");
  if (
    !UUID_PATTERN.test(args.shareId) ||
    !(await shares.deleteShare(db, { cityId: args.cityId, shareId: args.shareId }))
  )
    throw notFound("That share does not exist");
}

/** Every share of the city's roadmap, and the roadmaps other cities share with it. */
export async function listRoadmapSharing(db: Kysely<Database>, args: { cityId: string }) {
  const [outgoing, incoming] = await Promise.all([
    shares.listSharesOfCity(db, args),
    shares.listRoadmapsSharedWith(db, { readerCityId: args.cityId }),
  ]);
  return { outgoing, incoming };
}

/**
 * The roadmap of the city at `ownerSlug` as the reader city may see it: only when it is shared with the
 * reader city, directly or through a space both take part in. Otherwise it does not exist, so a city
 * that has shared nothing cannot be told from one that is not there.
 */
async function findSharedRoadmap(db: Kysely<Database>, args: { readerCityId: string; ownerSlug: string }) {
  const owner = await findCityBySlug(db, { slug: args.ownerSlug });
  const [source] = owner
    ? await shares.listRoadmapsSharedWith(db, { readerCityId: args.readerCityId, ownerCityId: owner.id })
    : [];
  if (!owner || !source) throw notFound("No roadmap is shared with your city at this address");
  return { owner, source, rows: await readRoadmap(db, { cityId: owner.id }) };
}

/** A roadmap shared with the reader city, as its members read it. */
export async function readSharedRoadmap(
  db: Kysely<Database>,
  args: { readerCityId: string; ownerSlug: string },
): Promise<{ owner: City; source: shares.SharedRoadmapSource; items: SharedRoadmapItem[] }> {
  const { owner, source, rows } = await findSharedRoadmap(db, args);
  return { owner, source, items: rows.map(sharedItem) };
}

/** The reader city's roadmap beside one shared with it, phase by phase. */
export async function compareWithSharedRoadmap(
  db: Kysely<Database>,
  args: { readerCityId: string; ownerSlug: string },
): Promise<{ owner: City; comparison: RoadmapComparison }> {
  const { owner, rows } = await findSharedRoadmap(db, args);
  const items = rows.map(sharedItem);
  const ours = (await readRoadmap(db, { cityId: args.readerCityId })).map(sharedItem);
  return { owner, comparison: compareRoadmaps(ours, items) };
}

/**
 * Copies a shared roadmap into the reader city's own as a template: every item's phase, title,
 * description, quick-win and milestone flags, clause references and dependencies among the copied
 * items; no owners, dates, costs or statuses (each copy starts as proposed). The items are added after
 * the city's own, as one change by the copying user that open roadmap pages see at once.
 */
export async function copyRoadmapAsTemplate(
  db: Kysely<Database>,
  args: { actor: Actor; readerCityId: string; ownerSlug: string; userId: string; hub: CollabHub | undefined },
): Promise<{ copied: number }> {
  if (!can(args.actor, "edit", { type: "city", id: args.readerCityId }))
    throw forbidden("Editors and leads may copy a roadmap into their own");
  const { rows } = await findSharedRoadmap(db, args);
  if (!args.hub) throw new DomainError(503, "unavailable", "The roadmap cannot be changed right now");
  const board = await findCityBoard(db, { cityId: args.readerCityId, kind: "roadmap" });
  const copies = rows.filter((row) => (row.valid as Partial<RoadmapItem>).title);
  if (copies.length === 0) return { copied: 0 };
  const newIds = new Map(copies.map((row) => [row.id, newRowId()]));
  await args.hub.change(board.id, args.userId, (ydoc) => {
    ydoc.transact(() => {
      const last = orderedRows(ydoc).at(-1)?.order || null;
      const orders = generateNKeysBetween(last, null, copies.length);
      copies.forEach((row, index) => {
        const item = sharedItem(row);
        const dependsOn = (row.valid as Partial<RoadmapItem>).dependsOn ?? [];
        insertRow(ydoc, ROADMAP, {
          id: newIds.get(row.id),
          order: orders[index],
          values: {
            title: item.title,
            description: item.description,
            phase: item.phase ?? "PLAN",
            status: "proposed",
            quickWin: item.quickWin,
            milestone: item.milestone,
            clauses: item.clauses,
            dependsOn: dependsOn.flatMap((id) => newIds.get(id) ?? []),
          },
        });
      });
    });
  });
  return { copied: copies.length };
}
