import type { Kysely } from "kysely";
import { listMembers } from "../../db/repositories/memberships";
import {
  findPublishedOpportunity,
  listPublishedOpportunities,
  type PublishedOpportunity,
} from "../../db/repositories/published-opportunities";
import * as interests from "../../db/repositories/supplier-interests";
import type { ReceivedInterest, SupplierInterest } from "../../db/repositories/supplier-interests";
import type { Database } from "../../db/schema";
import { interestAnswerSchema, interestSchema } from "../../shared/market";
import { fieldErrors } from "../../shared/validation";
import { DomainError, forbidden, notFound, validationError } from "../errors";
import { notify } from "../notifications/notify";
import { can, roleIn, type Actor } from "../policy";
import type { RealtimeEmitter } from "../realtime/emitter";

interface Deps {
  db: Kysely<Database>;
  realtime: RealtimeEmitter;
}

interface CityRef {
  id: string;
  slug: string;
  name: string;
}

/** OCDS tender statuses of a procurement that will not go ahead or is already decided. */
const CLOSED_STATUSES = new Set(["complete", "cancelled", "withdrawn", "unsuccessful"]);

/** Whether suppliers may still register interest in the opportunity. */
export function openToInterest(opportunity: Pick<PublishedOpportunity, "status">): boolean {
  return !opportunity.status || !CLOSED_STATUSES.has(opportunity.status);
}

/** Where the city's leads read the interests received. */
export const interestsPath = (citySlug: string) => `/c/${citySlug}/procurement/interests`;

/** The public page of a published opportunity. */
export const opportunityPath = (citySlug: string, rowId: string) =>
  `/p/${citySlug}/pipeline/${encodeURIComponent(rowId)}`;

/**
 * Whether the actor may register interest in the city's opportunities: anyone signed in who is not
 * a member of that city. Members speak for the buyer, so they cannot also answer as a supplier.
 */
export function mayRegisterInterest(actor: Actor, cityId: string): boolean {
  return actor !== null && roleIn(actor, cityId) === null;
}

/**
 * Registers the user's interest in a published opportunity, or updates the one they registered
 * before (one per person and opportunity), and tells the city's leads.
 */
export async function registerInterest(
  deps: Deps,
  args: { actor: Actor; user: { id: string }; city: CityRef; rowId: string; input: unknown },
): Promise<{ interest: SupplierInterest; created: boolean }> {
  const opportunity = await findPublishedOpportunity(deps.db, { cityId: args.city.id, rowId: args.rowId });
  if (!opportunity) throw notFound("This opportunity has not been published");
  if (!mayRegisterInterest(args.actor, args.city.id))
    throw forbidden(
      `You are a member of ${args.city.name}, so you cannot register interest in its own opportunities`,
    );
  if (!openToInterest(opportunity))
    throw new DomainError(409, "closed", "This opportunity is no longer open to suppliers' interest");
  const parsed = interestSchema.safeParse(args.input);
  if (!parsed.success) throw validationError(fieldErrors(parsed.error));

  const { interest, created } = await deps.db.transaction().execute(async (trx) => {
    await interests.lockUserForInterest(trx, { userId: args.user.id });
    const existing = await interests.findInterestOfUser(trx, {
      cityId: args.city.id,
      rowId: args.rowId,
      userId: args.user.id,
    });
    if (existing) {
      return {
        interest: await interests.updateInterest(trx, {
          cityId: args.city.id,
          id: existing.id,
          ...parsed.data,
        }),
        created: false,
      };
    }
    return {
      interest: await interests.insertInterest(trx, {
        cityId: args.city.id,
        rowId: args.rowId,
        userId: args.user.id,
        ...parsed.data,
      }),
      created: true,
    };
  });

  const leads = (await listMembers(deps.db, { cityId: args.city.id })).filter(
    (member) => member.role === "lead",
  );
  await notify(
    deps,
    leads.map((lead) => ({
      userId: lead.userId,
      kind: "interest",
      text: `${interest.organisation} ${created ? "registered interest in" : "updated their interest in"} “${opportunity.title}”.`,
      link: `${interestsPath(args.city.slug)}#interest-${interest.id}`,
    })),
  );
  return { interest, created };
}

/** Answers a supplier's interest on behalf of the city (leads only) and tells the supplier. */
export async function answerInterest(
  deps: Deps,
  args: { actor: Actor; user: { id: string }; city: CityRef; interestId: string; input: unknown },
): Promise<SupplierInterest> {
  if (!can(args.actor, "publish", { type: "city", id: args.city.id }))
    throw forbidden("Only the city's leads answer suppliers");
  const parsed = interestAnswerSchema.safeParse(args.input);
  if (!parsed.success) throw validationError(fieldErrors(parsed.error));
  const interest = /^[0-9a-f-]{36}$/i.test(args.interestId)
    ? await interests.setInterestAnswer(deps.db, {
        cityId: args.city.id,
        id: args.interestId,
        answer: parsed.data.answer,
        answeredBy: args.user.id,
        answeredAt: new Date(),
      })
    : null;
  if (!interest) throw notFound("This interest does not exist");

  if (interest.userId) {
    const opportunity = await findPublishedOpportunity(deps.db, {
      cityId: args.city.id,
      rowId: interest.rowId,
    });
    await notify(deps, [
      {
        userId: interest.userId,
        kind: "interestAnswer",
        text: `${args.city.name} answered your interest in “${opportunity?.title ?? "an opportunity"}”.`,
        link: `${opportunityPath(args.city.slug, interest.rowId)}#your-interest`,
      },
    ]);
  }
  return interest;
}

/** The user's own interest in an opportunity, with the city's answer, if they registered one. */
export function interestOfUser(
  db: Kysely<Database>,
  args: { cityId: string; rowId: string; userId: string },
): Promise<SupplierInterest | null> {
  return interests.findInterestOfUser(db, args);
}

export interface OpportunityInterests {
  rowId: string;
  /** The opportunity as last published; null when its releases are gone. */
  opportunity: PublishedOpportunity | null;
  interests: ReceivedInterest[];
  unanswered: number;
}

/**
 * The interests the city has received, per opportunity: those with unanswered interests first,
 * then by title. Leads only.
 */
export async function receivedInterests(
  db: Kysely<Database>,
  args: { actor: Actor; city: CityRef },
): Promise<OpportunityInterests[]> {
  if (!can(args.actor, "publish", { type: "city", id: args.city.id }))
    throw forbidden("Only the city's leads see suppliers' interest");
  const [received, published] = await Promise.all([
    interests.listInterestsOfCity(db, { cityId: args.city.id }),
    listPublishedOpportunities(db, { filters: { citySlug: args.city.slug } }),
  ]);
  const opportunities = new Map(published.map((opportunity) => [opportunity.rowId, opportunity]));
  const byRow = new Map<string, ReceivedInterest[]>();
  for (const interest of received)
    byRow.set(interest.rowId, [...(byRow.get(interest.rowId) ?? []), interest]);
  return [...byRow]
    .map(([rowId, list]) => ({
      rowId,
      opportunity: opportunities.get(rowId) ?? null,
      interests: list,
      unanswered: list.filter((interest) => interest.answer === null).length,
    }))
    .sort(
      (a, b) =>
        Number(b.unanswered > 0) - Number(a.unanswered > 0) ||
        (a.opportunity?.title ?? "").localeCompare(b.opportunity?.title ?? ""),
    );
}
