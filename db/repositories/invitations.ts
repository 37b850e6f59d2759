import type { Role } from "../../shared/roles";
import type { InvitationRow } from "../schema";
import type { Executor } from "./executor";

export interface Invitation {
  id: string;
  cityId: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

function toInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    cityId: row.city_id,
    email: row.email,
    role: row.role,
    invitedBy: row.invited_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    revokedAt: row.revoked_at,
  };
}

export async function insertInvitation(
  db: Executor,
  args: {
    cityId: string;
    email: string;
    role: Role;
    tokenHash: string;
    invitedBy: string;
    expiresAt: Date;
  },
): Promise<Invitation> {
  const row = await db
    .insertInto("invitations")
    .values({
      city_id: args.cityId,
      email: args.email,
      role: args.role,
      token_hash: args.tokenHash,
      invited_by: args.invitedBy,
      expires_at: args.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toInvitation(row);
}

export async function findInvitationByTokenHash(
  db: Executor,
  args: { tokenHash: string; forUpdate?: boolean },
): Promise<Invitation | null> {
  let query = db.selectFrom("invitations").selectAll().where("token_hash", "=", args.tokenHash);
  if (args.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toInvitation(row) : null;
}

/** Invitations of a city that can still be accepted, newest first. */
export async function listOpenInvitations(
  db: Executor,
  args: { cityId: string; now: Date },
): Promise<Invitation[]> {
  const rows = await db
    .selectFrom("invitations")
    .selectAll()
    .where("city_id", "=", args.cityId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", args.now)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map(toInvitation);
}

export async function markInvitationAccepted(
  db: Executor,
  args: { id: string; userId: string; now: Date },
): Promise<void> {
  await db
    .updateTable("invitations")
    .set({ accepted_at: args.now, accepted_by: args.userId })
    .where("id", "=", args.id)
    .execute();
}

export async function revokeInvitation(
  db: Executor,
  args: { cityId: string; id: string; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable("invitations")
    .set({ revoked_at: args.now })
    .where("city_id", "=", args.cityId)
    .where("id", "=", args.id)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
