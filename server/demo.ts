import type { Kysely, Transaction } from "kysely";
import * as Y from "yjs";
import * as cities from "../db/repositories/cities";
import { saveSnapshot } from "../db/repositories/doc-updates";
import * as memberships from "../db/repositories/memberships";
import * as users from "../db/repositories/users";
import type { Database } from "../db/schema";
import type { Owner } from "../shared/boards/fields";
import { insertRow, newRowId } from "../shared/boards/model";
import { ROADMAP } from "../shared/boards/roadmap";
import type { Role } from "../shared/roles";
import { hashPassword } from "./auth/passwords";
import { findCityBoard } from "./boards/commands";
import { projectBoard } from "./boards/projection";
import { seedDemoTracker } from "./demo-framework";
import { seedDemoGovernance } from "./demo-governance";
import { seedDemoPipeline } from "./demo-pipelines";
import { seedDemoPublishing } from "./demo-publishing";
import { DEMO_PRINCIPLES, seedPrinciples } from "./demo-principles";
import { seedDemoSpaces } from "./demo-spaces";
import { DEMO_ROADMAPS, type DemoRoadmapItem } from "./demo-roadmaps";
import { seedDemoVision } from "./demo-visions";
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

/**
 * A demo city's roadmap as a board: items in the order written, owners (members of the city, by
 * email) and dependencies resolved. A reference to no one or nothing is a mistake in the demo data.
 */
export function buildDemoRoadmap(
  items: readonly DemoRoadmapItem[],
  people: ReadonlyMap<string, { id: string; name: string }>,
): Y.Doc {
  const ids = new Map(items.map((item) => [item.key, newRowId()]));
  const idOf = (key: string) => {
    const id = ids.get(key);
    if (!id) throw new Error(`A demo roadmap item depends on "${key}", which is not in the roadmap`);
    return id;
  };
  const ownerOf = (owner: DemoRoadmapItem["owner"]): Owner => {
    if ("partner" in owner) return { type: "partner", name: owner.partner };
    const person = people.get(owner.member);
    if (!person)
      throw new Error(`A demo roadmap item is owned by ${owner.member}, who is not a member of the city`);
    return { type: "member", userId: person.id, name: person.name };
  };
  const ydoc = new Y.Doc();
  for (const item of items) {
    insertRow(ydoc, ROADMAP, {
      id: idOf(item.key),
      values: {
        title: item.title,
        description: item.description,
        phase: item.phase,
        status: item.status,
        owner: ownerOf(item.owner),
        start: item.start,
        end: item.end,
        quickWin: item.quickWin ?? false,
        milestone: item.milestone ?? false,
        cost: item.cost,
        risk: item.risk,
        clauses: item.clauses,
        dependsOn: (item.dependsOn ?? []).map(idOf),
        checkpoints: item.checkpoints ?? [],
      },
    });
  }
  return ydoc;
}

/** Stores a demo city's roadmap as its board's first snapshot, and projects it. */
async function seedRoadmap(
  trx: Transaction<Database>,
  args: {
    cityId: string;
    items: readonly DemoRoadmapItem[];
    people: ReadonlyMap<string, { id: string; name: string }>;
  },
): Promise<void> {
  const board = await findCityBoard(trx, { cityId: args.cityId, kind: "roadmap" });
  const ydoc = buildDemoRoadmap(args.items, args.people);
  try {
    await saveSnapshot(trx, {
      documentId: board.id,
      state: Y.encodeStateAsUpdate(ydoc),
      stateVector: Y.encodeStateVector(ydoc),
      folded: 0,
    });
    await projectBoard(trx, { documentId: board.id, kind: "roadmap", ydoc });
  } finally {
    ydoc.destroy();
  }
}

/**
 * Adds the demo cities and people, with each city's roadmap, in one transaction; refuses when a
 * demo city already exists.
 */
export async function seedDemo(db: Kysely<Database>): Promise<DemoLogin[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    const logins = new Map<string, DemoLogin & { id: string }>();
    const cityIds = new Map<string, string>();
    for (const demoCity of DEMO_CITIES) {
      if (await cities.slugExists(trx, { slug: demoCity.slug }))
        throw new DemoAlreadySeededError(demoCity.slug);
      const city = await cities.insertCity(trx, { ...demoCity, createdBy: null });
      cityIds.set(demoCity.slug, city.id);
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
    for (const demoCity of DEMO_CITIES) {
      const people = new Map(demoCity.members.map((member) => [member.email, logins.get(member.email)!]));
      await seedRoadmap(trx, {
        cityId: cityIds.get(demoCity.slug)!,
        items: DEMO_ROADMAPS[demoCity.slug] ?? [],
        people,
      });
      await seedDemoTracker(trx, { cityId: cityIds.get(demoCity.slug)!, slug: demoCity.slug, people });
      await seedDemoPipeline(trx, { cityId: cityIds.get(demoCity.slug)!, slug: demoCity.slug });
      await seedDemoPublishing(trx, { cityId: cityIds.get(demoCity.slug)!, slug: demoCity.slug });
      const principles = DEMO_PRINCIPLES[demoCity.slug];
      if (principles) await seedPrinciples(trx, { cityId: cityIds.get(demoCity.slug)!, principles, people });
      await seedDemoVision(trx, { cityId: cityIds.get(demoCity.slug)!, slug: demoCity.slug });
      await seedDemoGovernance(trx, { cityId: cityIds.get(demoCity.slug)!, slug: demoCity.slug });
    }
    const leads = new Map(
      DEMO_CITIES.flatMap((demoCity) => {
        const lead = demoCity.members.find((member) => member.role === "lead");
        const login = lead ? logins.get(lead.email) : undefined;
        return login
          ? [[demoCity.slug, { userId: login.id, cityId: cityIds.get(demoCity.slug)! }] as const]
          : [];
      }),
    );
    await seedDemoSpaces(trx, leads);
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
