import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { findCityById, type City } from "../../db/repositories/cities";
import * as documents from "../../db/repositories/documents";
import * as spaces from "../../db/repositories/spaces";
import type { SharedSpace, SpaceCity } from "../../db/repositories/spaces";
import type { Database, SpaceCityStatus } from "../../db/schema";
import { createSpaceSchema, spaceSlugFor } from "../../shared/spaces";
import { createDocumentSchema, fieldErrors } from "../../shared/validation";
import type { CollabHub } from "../collab/hub";
import { conflict, forbidden, notFound, validationError } from "../errors";
import { notify } from "../notifications/notify";
import { can, strongestCity, type Actor } from "../policy";
import type { RealtimeEmitter } from "../realtime/emitter";

export interface SpaceDeps {
  db: Kysely<Database>;
  realtime: RealtimeEmitter;
  /** Told when a city leaves, so that open connections lose access at once. */
  collabHub?: CollabHub;
}

/** A shared space as one of its members sees it. */
export interface SpaceView {
  space: SharedSpace;
  cities: SpaceCity[];
  /** The member cities: the ones through which the space is reached. */
  cityIds: string[];
}

/**
 * The space at this address, if the actor may see it: a member of one of its member cities. For
 * anyone else it does not exist, whatever the reason, so its name never leaks.
 */
export async function findSpaceForActor(
  db: Kysely<Database>,
  args: { actor: Actor; slug: string },
): Promise<SpaceView | null> {
  const space = await spaces.findSpaceBySlug(db, { slug: args.slug });
  if (!space) return null;
  const cities = await spaces.listSpaceCities(db, { spaceId: space.id });
  const cityIds = cities.filter((city) => city.status === "member").map((city) => city.cityId);
  if (!can(args.actor, "view", { type: "space", cityIds })) return null;
  return { space, cities, cityIds };
}

/** Whether the actor manages which cities take part: a lead of the convening city, while it takes part. */
export function managesSpace(actor: Actor, view: SpaceView): boolean {
  const convener = view.space.convenerCityId;
  return (
    convener !== null &&
    view.cityIds.includes(convener) &&
    can(actor, "manageMembers", { type: "city", id: convener })
  );
}

/** The city a person speaks for in the space: the member city where they hold the strongest role. */
export function actingCityId(actor: Actor, view: SpaceView): string | null {
  return strongestCity(actor, view.cityIds)?.cityId ?? null;
}

function requireLead(actor: Actor, cityId: string): void {
  if (!can(actor, "manageMembers", { type: "city", id: cityId }))
    throw forbidden("Only a lead of the city may do that");
}

/** A lead creates a shared space convened by their city; the city takes part from the start. */
export async function createSpace(
  db: Kysely<Database>,
  args: { actor: Actor; cityId: string; userId: string; input: unknown; open?: boolean },
): Promise<SharedSpace> {
  requireLead(args.actor, args.cityId);
  const parsed = createSpaceSchema.safeParse(args.input);
  if (!parsed.success) throw validationError(fieldErrors(parsed.error));
  return db.transaction().execute(async (trx) => {
    const space = await spaces.insertSharedSpace(trx, {
      slug: spaceSlugFor(parsed.data.name, randomBytes(4).toString("hex").slice(0, 6)),
      name: parsed.data.name,
      purpose: parsed.data.purpose,
      open: args.open ?? false,
      convenerCityId: args.cityId,
      createdBy: args.userId,
    });
    await documents.insertDocument(trx, {
      spaceId: space.id,
      kind: "page",
      title: "Shared notes",
      createdBy: args.userId,
    });
    return space;
  });
}

async function notifyLeads(
  deps: SpaceDeps,
  cityIds: readonly string[],
  kind: "spaceInvitation" | "spaceAnswer",
  text: (cityId: string) => string,
  link: (cityId: string) => string,
): Promise<void> {
  const leads = await spaces.listLeadsOfCities(deps.db, { cityIds });
  await notify(
    deps,
    leads.map((lead) => ({ userId: lead.userId, kind, text: text(lead.cityId), link: link(lead.cityId) })),
  );
}

async function cityOrNotFound(db: Kysely<Database>, cityId: string): Promise<City> {
  const city = await findCityById(db, { id: cityId });
  if (!city) throw notFound("That city does not exist");
  return city;
}

/**
 * The convener's lead invites cities; each one's leads are told and answer from their city's spaces
 * page. A city that declined or left may be invited again; a city taking part or invited is left as it is.
 */
export async function inviteCities(
  deps: SpaceDeps,
  args: { actor: Actor; view: SpaceView; userId: string; cityIds: readonly string[]; inviterName: string },
): Promise<{ invited: string[] }> {
  const { space } = args.view;
  if (!managesSpace(args.actor, args.view))
    throw forbidden("Only a lead of the convening city may invite cities");
  const wanted = [...new Set(args.cityIds)];
  if (wanted.length === 0)
    throw validationError(
      { cityIds: "Choose at least one city to invite" },
      "Choose at least one city to invite",
    );
  const current = new Map(args.view.cities.map((city) => [city.cityId, city.status]));
  const invited: string[] = [];
  await deps.db.transaction().execute(async (trx) => {
    for (const cityId of wanted) {
      const status = current.get(cityId);
      if (status === "member" || status === "invited") continue;
      await cityOrNotFound(trx, cityId);
      await spaces.inviteSpaceCity(trx, { spaceId: space.id, cityId, invitedBy: args.userId });
      invited.push(cityId);
    }
  });
  const convener = space.convenerCityId ? await findCityById(deps.db, { id: space.convenerCityId }) : null;
  await notifyLeads(
    deps,
    invited,
    "spaceInvitation",
    () =>
      `${args.inviterName} of ${convener?.name ?? "another city"} invited your city to the shared space “${space.name}”.`,
    () => "",
  ).catch(() => undefined);
  return { invited };
}

/**
 * A lead of an invited city accepts or declines. Accepting makes the city a member: its members reach
 * the space with their own roles. The convener's leads are told either way.
 */
export async function answerInvitation(
  deps: SpaceDeps,
  args: { actor: Actor; spaceId: string; cityId: string; userId: string; accept: boolean },
): Promise<SharedSpace> {
  requireLead(args.actor, args.cityId);
  const space = await deps.db.transaction().execute(async (trx) => {
    const status = await spaces.findSpaceCityForUpdate(trx, { spaceId: args.spaceId, cityId: args.cityId });
    const space = status ? await spaces.findSpaceById(trx, { spaceId: args.spaceId }) : null;
    if (!space) throw notFound("That invitation does not exist");
    if (status !== "invited") throw conflict("That invitation has already been answered");
    await spaces.setSpaceCityStatus(trx, {
      spaceId: args.spaceId,
      cityId: args.cityId,
      status: args.accept ? "member" : "declined",
      by: args.userId,
    });
    return space;
  });
  const city = await cityOrNotFound(deps.db, args.cityId);
  if (space.convenerCityId)
    await notifyLeads(
      deps,
      [space.convenerCityId],
      "spaceAnswer",
      () => `${city.name} ${args.accept ? "accepted" : "declined"} the invitation to “${space.name}”.`,
      () => (args.accept ? `/s/${space.slug}` : ""),
    ).catch(() => undefined);
  return space;
}

/** A lead joins an open space (a network) for their city, without an invitation. */
export async function joinOpenSpace(
  db: Kysely<Database>,
  args: { actor: Actor; spaceId: string; cityId: string; userId: string },
): Promise<SharedSpace> {
  requireLead(args.actor, args.cityId);
  return db.transaction().execute(async (trx) => {
    const space = await spaces.findSpaceById(trx, { spaceId: args.spaceId });
    const status = await spaces.findSpaceCityForUpdate(trx, { spaceId: args.spaceId, cityId: args.cityId });
    // A city that was removed is not let back in by itself; a closed space is joined by invitation only.
    if (!space || (!space.open && status !== "invited") || status === "removed")
      throw notFound("That space does not exist");
    if (status !== "member")
      await spaces.setSpaceCityStatus(trx, {
        spaceId: args.spaceId,
        cityId: args.cityId,
        status: "member",
        by: args.userId,
      });
    return space;
  });
}

async function endParticipation(
  deps: SpaceDeps,
  args: {
    spaceId: string;
    cityId: string;
    userId: string;
    status: Extract<SpaceCityStatus, "left" | "removed">;
  },
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const status = await spaces.findSpaceCityForUpdate(trx, { spaceId: args.spaceId, cityId: args.cityId });
    if (status !== "member" && status !== "invited")
      throw conflict("That city does not take part in the space");
    await spaces.setSpaceCityStatus(trx, { ...args, by: args.userId });
  });
  // Open pages and sockets of the city's members lose the space now, not at the next periodic check.
  deps.realtime.accessChanged();
  await deps.collabHub?.recheckAccess();
}

/** A lead takes their city out of the space; the convening city cannot leave its own space. */
export async function leaveSpace(
  deps: SpaceDeps,
  args: { actor: Actor; view: SpaceView; cityId: string; userId: string },
): Promise<void> {
  requireLead(args.actor, args.cityId);
  if (args.cityId === args.view.space.convenerCityId)
    throw conflict("The convening city cannot leave its own space");
  await endParticipation(deps, {
    spaceId: args.view.space.id,
    cityId: args.cityId,
    userId: args.userId,
    status: "left",
  });
}

/** The convener's lead removes a city (or withdraws its invitation). */
export async function removeCity(
  deps: SpaceDeps,
  args: { actor: Actor; view: SpaceView; cityId: string; userId: string },
): Promise<void> {
  if (!managesSpace(args.actor, args.view))
    throw forbidden("Only a lead of the convening city may remove cities");
  if (args.cityId === args.view.space.convenerCityId)
    throw conflict("The convening city cannot be removed from its own space");
  await endParticipation(deps, {
    spaceId: args.view.space.id,
    cityId: args.cityId,
    userId: args.userId,
    status: "removed",
  });
}

/** Creates a document in the space; any editor of a member city may. */
export async function createSpaceDocument(
  db: Kysely<Database>,
  args: { actor: Actor; view: SpaceView; userId: string; input: unknown },
): Promise<{ id: string }> {
  if (!can(args.actor, "edit", { type: "space", cityIds: args.view.cityIds }))
    throw forbidden("Editors of the taking-part cities may add documents");
  const parsed = createDocumentSchema.safeParse(args.input);
  if (!parsed.success) throw validationError(fieldErrors(parsed.error));
  return documents.insertDocument(db, {
    spaceId: args.view.space.id,
    ...parsed.data,
    createdBy: args.userId,
  });
}
