/** Membership roles of a city, strongest first. */
export const ROLES = ["lead", "editor", "commenter", "viewer"] as const;

export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { lead: 4, editor: 3, commenter: 2, viewer: 1 };

export const ROLE_LABELS: Record<Role, string> = {
  lead: "Lead",
  editor: "Editor",
  commenter: "Commenter",
  viewer: "Viewer",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  lead: "Accountable for the programme: manages members, owns the vision and roadmap, publishes.",
  editor: "Programme staff and partners: edit documents and boards.",
  commenter: "Reviewers and community representatives: read and comment, never change content.",
  viewer: "Read what the city shares with them.",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** True when `role` is at least as strong as `minimum`. */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}
