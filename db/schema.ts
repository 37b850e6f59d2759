import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { Role } from "../shared/roles";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface UserTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  created_at: Generated<Date>;
  password_changed_at: Generated<Date>;
}

export interface SessionTable {
  /** SHA-256 (hex) of the token in the cookie; the token itself is never stored. */
  id: string;
  user_id: string;
  expires_at: Timestamp;
  created_at: Generated<Date>;
}

export interface CityTable {
  id: Generated<string>;
  slug: string;
  name: string;
  country: string;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface MembershipTable {
  city_id: string;
  user_id: string;
  role: Role;
  created_at: Generated<Date>;
}

export interface InvitationTable {
  id: Generated<string>;
  city_id: string;
  email: string;
  role: Role;
  /** SHA-256 (hex) of the token in the invitation link. */
  token_hash: string;
  invited_by: string | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  accepted_by: string | null;
  revoked_at: Timestamp | null;
}

export interface AuthThrottleTable {
  key: string;
  failures: number;
  window_started_at: Timestamp;
  blocked_until: Timestamp | null;
}

export interface SpaceTable {
  id: Generated<string>;
  kind: "city" | "shared";
  /** The owning city of a city space; null for a shared space. */
  city_id: string | null;
  name: string;
  created_at: Generated<Date>;
}

export interface DocumentTable {
  id: Generated<string>;
  space_id: string;
  kind: string;
  title: string;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_by: string | null;
  updated_at: Generated<Date>;
  archived_at: Timestamp | null;
}

export interface DocUpdateTable {
  id: Generated<string>;
  document_id: string;
  update: Uint8Array;
  created_at: Generated<Date>;
}

export interface DocSnapshotTable {
  document_id: string;
  state: Uint8Array;
  /** How many update rows have been folded into this snapshot over its life. */
  updates_folded: ColumnType<string, number | string | undefined, number | string>;
  compacted_at: Generated<Date>;
}

export interface Database {
  users: UserTable;
  sessions: SessionTable;
  cities: CityTable;
  memberships: MembershipTable;
  invitations: InvitationTable;
  auth_throttles: AuthThrottleTable;
  spaces: SpaceTable;
  documents: DocumentTable;
  doc_updates: DocUpdateTable;
  doc_snapshots: DocSnapshotTable;
}

export type UserRow = Selectable<UserTable>;
export type NewUserRow = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type CityRow = Selectable<CityTable>;
export type MembershipRow = Selectable<MembershipTable>;
export type InvitationRow = Selectable<InvitationTable>;
export type SessionRow = Selectable<SessionTable>;
