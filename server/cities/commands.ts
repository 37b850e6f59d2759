import type { Kysely } from "kysely";
import { isUniqueViolation } from "../../db/errors";
import * as cities from "../../db/repositories/cities";
import type { City } from "../../db/repositories/cities";
import * as invitations from "../../db/repositories/invitations";
import type { Invitation } from "../../db/repositories/invitations";
import * as memberships from "../../db/repositories/memberships";
import type { Database } from "../../db/schema";
import { isRole, roleAtLeast, type Role } from "../../shared/roles";
import { createCitySchema, fieldErrors, inviteSchema } from "../../shared/validation";
import { generateToken, hashToken } from "../auth/tokens";
import { createStarterDocuments } from "../documents/commands";
import { conflict, DomainError, notFound, validationError } from "../errors";

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** Creates a city; its creator, when there is one, becomes its lead. */
export async function createCity(db: Kysely<Database>, userId: string | null, input: unknown): Promise<City> {
  const parsed = createCitySchema.safeParse(input);
  if (!parsed.success) throw validationError(fieldErrors(parsed.error));
  const slugTaken = () =>
    conflict("That web address is taken", { slug: "That web address is taken: choose another" });
  if (await cities.slugExists(db, { slug: parsed.data.slug })) throw slugTaken();
  try {
    return await db.transaction().execute(async (trx) => {
      const city = await cities.insertCity(trx, { ...parsed.data, createdBy: userId });
      if (userId) await memberships.insertMembership(trx, { cityId: city.id, userId, role: "lead" });
      await createStarterDocuments(trx, { cityId: city.id, createdBy: userId });
      return city;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken();
    throw error;
  }
}

/** Creates an invitation; returns it with the secret token that goes in the link. */
export async function inviteMember(
  db: Kysely<Database>,
  args: { cityId: string; invitedBy: string; input: unknown; now?: Date },
): Promise<{ invitation: Invitation; token: string }> {
  const parsed = inviteSchema.safeParse(args.input);
  if (!parsed.success) throw validationError(fieldErrors(parsed.error));
  const members = await memberships.listMembers(db, { cityId: args.cityId });
  if (members.some((member) => member.email === parsed.data.email)) {
    throw validationError({ email: "This person is already a member of the city" });
  }
  const now = args.now ?? new Date();
  const token = generateToken();
  const invitation = await invitations.insertInvitation(db, {
    cityId: args.cityId,
    email: parsed.data.email,
    role: parsed.data.role,
    tokenHash: hashToken(token),
    invitedBy: args.invitedBy,
    expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
  });
  return { invitation, token };
}

export type InvitationStatus = "open" | "accepted" | "revoked" | "expired";

export function invitationStatus(invitation: Invitation, now = new Date()): InvitationStatus {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt <= now) return "expired";
  return "open";
}

/** What the invitation page shows: the city and role, and whether the link still works. */
export async function describeInvitation(db: Kysely<Database>, token: string) {
  const invitation = await invitations.findInvitationByTokenHash(db, { tokenHash: hashToken(token) });
  if (!invitation) return null;
  const city = await cities.findCityById(db, { id: invitation.cityId });
  if (!city) return null;
  return { invitation, city, status: invitationStatus(invitation) };
}

const INVITATION_PROBLEMS: Record<Exclude<InvitationStatus, "open">, string> = {
  accepted: "This invitation has already been used",
  revoked: "This invitation was withdrawn by the city",
  expired: "This invitation has expired: ask the city's lead for a new one",
};

/** Joins the user to the invitation's city. Single use; the user's email must be the invited one. */
export async function acceptInvitation(
  db: Kysely<Database>,
  args: { token: string; user: { id: string; email: string }; now?: Date },
): Promise<{ cityId: string; role: Role }> {
  const now = args.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const invitation = await invitations.findInvitationByTokenHash(trx, {
      tokenHash: hashToken(args.token),
      forUpdate: true,
    });
    if (!invitation) throw notFound("This invitation link is not valid");
    const status = invitationStatus(invitation, now);
    if (status !== "open") throw new DomainError(410, `invitation_${status}`, INVITATION_PROBLEMS[status]);
    if (invitation.email !== args.user.email) {
      throw new DomainError(
        403,
        "invitation_for_someone_else",
        `This invitation is for ${invitation.email}. Sign in with that email to accept it.`,
      );
    }
    const current = await memberships.findRole(trx, { cityId: invitation.cityId, userId: args.user.id });
    const role = current && roleAtLeast(current, invitation.role) ? current : invitation.role;
    await memberships.upsertMembership(trx, { cityId: invitation.cityId, userId: args.user.id, role });
    await invitations.markInvitationAccepted(trx, { id: invitation.id, userId: args.user.id, now });
    return { cityId: invitation.cityId, role };
  });
}

const lastLead = () =>
  new DomainError(409, "last_lead", "A city must keep at least one lead: make someone else lead first");

/** Changes a member's role; the city always keeps at least one lead. */
export async function changeRole(
  db: Kysely<Database>,
  args: { cityId: string; userId: string; role: unknown },
): Promise<void> {
  if (!isRole(args.role)) throw validationError({ role: "Choose a role" });
  const role = args.role;
  await db.transaction().execute(async (trx) => {
    const leads = await memberships.countLeadsForUpdate(trx, { cityId: args.cityId });
    const current = await memberships.findRole(trx, { cityId: args.cityId, userId: args.userId });
    if (!current) throw notFound("That person is not a member of this city");
    if (current === "lead" && role !== "lead" && leads <= 1) throw lastLead();
    await memberships.updateRole(trx, { cityId: args.cityId, userId: args.userId, role });
  });
}

/** Removes a member; the city always keeps at least one lead. */
export async function removeMember(
  db: Kysely<Database>,
  args: { cityId: string; userId: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const leads = await memberships.countLeadsForUpdate(trx, { cityId: args.cityId });
    const current = await memberships.findRole(trx, { cityId: args.cityId, userId: args.userId });
    if (!current) throw notFound("That person is not a member of this city");
    if (current === "lead" && leads <= 1) throw lastLead();
    await memberships.deleteMembership(trx, { cityId: args.cityId, userId: args.userId });
  });
}
