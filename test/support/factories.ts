import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import * as cities from "../../db/repositories/cities";
import * as memberships from "../../db/repositories/memberships";
import * as users from "../../db/repositories/users";
import type { Database } from "../../db/schema";
import type { Role } from "../../shared/roles";
import { hashPassword } from "../../server/auth/passwords";

export const TEST_PASSWORD = "correct horse battery";

let passwordHash: Promise<string> | undefined;

const unique = () => randomUUID().slice(0, 8);

export async function buildUser(
  db: Kysely<Database>,
  overrides: Partial<{ email: string; name: string; password: string }> = {},
) {
  const password = overrides.password ?? TEST_PASSWORD;
  const hash = overrides.password
    ? await hashPassword(password)
    : await (passwordHash ??= hashPassword(TEST_PASSWORD));
  const user = await users.insertUser(db, {
    email: overrides.email ?? `person-${unique()}@example.org`,
    name: overrides.name ?? "Test Person",
    passwordHash: hash,
  });
  return { ...user, password };
}

export async function buildCity(
  db: Kysely<Database>,
  overrides: Partial<{ slug: string; name: string; country: string }> = {},
) {
  const id = unique();
  return cities.insertCity(db, {
    slug: overrides.slug ?? `city-${id}`,
    name: overrides.name ?? `City ${id}`,
    country: overrides.country ?? "United Kingdom",
    createdBy: null,
  });
}

export async function buildMembership(
  db: Kysely<Database>,
  args: { cityId: string; userId: string; role: Role },
) {
  await memberships.insertMembership(db, args);
  return args;
}

/** A city with one member of each role. */
export async function buildCityWithMembers(
  db: Kysely<Database>,
  overrides: Parameters<typeof buildCity>[1] = {},
) {
  const city = await buildCity(db, overrides);
  const members = {} as Record<Role, Awaited<ReturnType<typeof buildUser>>>;
  for (const role of ["lead", "editor", "commenter", "viewer"] as const) {
    members[role] = await buildUser(db, { name: `${role} of ${city.name}` });
    await buildMembership(db, { cityId: city.id, userId: members[role].id, role });
  }
  return { city, members };
}
