import type { Kysely } from "kysely";
import * as cities from "../db/repositories/cities";
import * as memberships from "../db/repositories/memberships";
import * as users from "../db/repositories/users";
import type { Database } from "../db/schema";
import type { Role } from "../shared/roles";
import { hashPassword } from "./auth/passwords";
import { createStarterDocuments } from "./documents/commands";

/** The password of every demo account: demo data is for trying the product, never for real use. */
export const DEMO_PASSWORD = "smart-city-demo";

interface DemoCity {
  slug: string;
  name: string;
  country: string;
  members: { name: string; email: string; role: Role }[];
}

/** Three fictional UK cities; Ben Hughes works in two of them. */
export const DEMO_CITIES: DemoCity[] = [
  {
    slug: "aldermoor",
    name: "Aldermoor",
    country: "United Kingdom",
    members: [
      { name: "Amara Okafor", email: "amara@aldermoor.example", role: "lead" },
      { name: "Ben Hughes", email: "ben@partners.example", role: "editor" },
      { name: "Chloe Davies", email: "chloe@aldermoor.example", role: "commenter" },
      { name: "Dev Patel", email: "dev@aldermoor.example", role: "viewer" },
    ],
  },
  {
    slug: "brackenford",
    name: "Brackenford",
    country: "United Kingdom",
    members: [
      { name: "Eleanor Shaw", email: "eleanor@brackenford.example", role: "lead" },
      { name: "Farid Khan", email: "farid@brackenford.example", role: "editor" },
      { name: "Grace Lewis", email: "grace@brackenford.example", role: "commenter" },
      { name: "Harry Evans", email: "harry@brackenford.example", role: "viewer" },
    ],
  },
  {
    slug: "castlebridge",
    name: "Castlebridge",
    country: "United Kingdom",
    members: [
      { name: "Isla Morgan", email: "isla@castlebridge.example", role: "lead" },
      { name: "Ben Hughes", email: "ben@partners.example", role: "editor" },
      { name: "Jack Wilson", email: "jack@castlebridge.example", role: "commenter" },
      { name: "Kiran Bose", email: "kiran@castlebridge.example", role: "viewer" },
    ],
  },
];

export interface DemoLogin {
  email: string;
  name: string;
  roles: string[];
}

export class DemoAlreadySeededError extends Error {
  constructor(slug: string) {
    super(`Demo data is already present (the city "${slug}" exists); nothing was changed.`);
    this.name = "DemoAlreadySeededError";
  }
}

/** Adds the demo cities and people in one transaction; refuses when a demo city already exists. */
export async function seedDemo(db: Kysely<Database>): Promise<DemoLogin[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    const logins = new Map<string, DemoLogin & { id: string }>();
    for (const demoCity of DEMO_CITIES) {
      if (await cities.slugExists(trx, { slug: demoCity.slug }))
        throw new DemoAlreadySeededError(demoCity.slug);
      const city = await cities.insertCity(trx, { ...demoCity, createdBy: null });
      await createStarterDocuments(trx, { cityId: city.id, createdBy: null });
      for (const member of demoCity.members) {
        let login = logins.get(member.email);
        if (!login) {
          const existing = await users.findCredentialsByEmail(trx, { email: member.email });
          const user =
            existing?.user ??
            (await users.insertUser(trx, { email: member.email, name: member.name, passwordHash }));
          login = { id: user.id, email: user.email, name: user.name, roles: [] };
          logins.set(member.email, login);
        }
        await memberships.insertMembership(trx, { cityId: city.id, userId: login.id, role: member.role });
        login.roles.push(`${member.role} of ${demoCity.name}`);
      }
    }
    return [...logins.values()].map(({ email, name, roles }) => ({ email, name, roles }));
  });
}

export function formatDemoLogins(logins: DemoLogin[]): string {
  const width = Math.max(...logins.map((login) => login.email.length));
  return [
    `Demo logins (password for all: ${DEMO_PASSWORD})`,
    ...logins.map((login) => `  ${login.email.padEnd(width)}  ${login.name}: ${login.roles.join(", ")}`),
  ].join("\n");
}
