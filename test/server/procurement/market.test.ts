import { describe, expect, it } from "vitest";
import { upsertBoardRows } from "../../../db/repositories/board-rows";
import { findRolesOfUser } from "../../../db/repositories/memberships";
import { listNotifications } from "../../../db/repositories/notifications";
import { listPublishedOpportunities } from "../../../db/repositories/published-opportunities";
import { findCityBoard } from "../../../server/boards/commands";
import { createStarterDocuments } from "../../../server/documents/commands";
import { DomainError } from "../../../server/errors";
import { browsePipelines, overlapsOfCity, parseFilters } from "../../../server/procurement/all-pipelines";
import {
  answerInterest,
  interestOfUser,
  receivedInterests,
  registerInterest,
} from "../../../server/procurement/interests";
import { RealtimeEmitter } from "../../../server/realtime/emitter";
import { seedDemo } from "../../../server/demo";
import { useTestDatabase } from "../../support/database";
import { buildCityWithMembers, buildUser } from "../../support/factories";
import { publishRelease } from "./market-support";

const database = useTestDatabase();

const LIGHTS = {
  title: "Smart street lighting",
  description:
    "Cut the energy our street lights use by half, and let the council dim lights and spot faults remotely.",
  category: "goods" as const,
  tenderStart: "2027-03-01",
  awardDate: "2027-06-30",
};

async function actorOf(userId: string) {
  return { userId, roles: await findRolesOfUser(database.handle.db, { userId }) };
}

function deps() {
  return { db: database.handle.db, realtime: new RealtimeEmitter() };
}

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

const query = (params: Record<string, string>) => parseFilters(new URLSearchParams(params));

describe("every city's published opportunities", () => {
  it("lists the latest release of each opportunity, never what is only on a board", async () => {
    const { db } = database.handle;
    const { city } = await buildCityWithMembers(db, { slug: "aldermoor", name: "Aldermoor" });
    await createStarterDocuments(db, { cityId: city.id, createdBy: null });
    const rowId = await publishRelease(db, city, {
      ...LIGHTS,
      title: "Street lighting, first draft",
      publishedAt: new Date("2026-10-01T10:00:00Z"),
    });
    await publishRelease(db, city, { ...LIGHTS, rowId, publishedAt: new Date("2026-11-01T10:00:00Z") });
    // The board says more than was published: a changed title and an idea nobody published.
    const pipeline = await findCityBoard(db, { cityId: city.id, kind: "pipeline" });
    await upsertBoardRows(db, {
      documentId: pipeline.id,
      rows: [
        { rowId, position: 0, data: { title: "Street lighting, changed since" }, errors: {} },
        { rowId: "unpublished", position: 1, data: { title: "Secret depot purchase" }, errors: {} },
      ],
    });

    const listed = await listPublishedOpportunities(db);
    expect(listed.map((opportunity) => [opportunity.citySlug, opportunity.rowId, opportunity.title])).toEqual(
      [["aldermoor", rowId, "Smart street lighting"]],
    );
    expect(listed[0]).toMatchObject({
      cityName: "Aldermoor",
      category: "goods",
      tenderStart: "2027-03-01",
      awardDate: "2027-06-30",
      status: "planned",
    });
  });

  it("filters by words, category, tender period, value and city, from the page's query", async () => {
    const { db } = database.handle;
    const aldermoor = (await buildCityWithMembers(db, { slug: "aldermoor", name: "Aldermoor" })).city;
    const brackenford = (await buildCityWithMembers(db, { slug: "brackenford", name: "Brackenford" })).city;
    await publishRelease(db, aldermoor, { ...LIGHTS, value: { amount: 1_200_000, currency: "GBP" } });
    await publishRelease(db, aldermoor, {
      title: "Waste collection routing",
      description: "Fewer missed bin collections by planning rounds from fill levels.",
      category: "services",
      tenderStart: "2027-09-01",
      value: { amount: 300_000, currency: "GBP" },
    });
    await publishRelease(db, brackenford, {
      title: "Connected LED street lights",
      description: "Street lights that report faults and can be dimmed centrally, reducing energy use.",
      category: "goods",
      tenderStart: "2027-04-15",
      value: { amount: 800_000, currency: "GBP" },
    });
    await publishRelease(db, brackenford, { title: "Digital twin, not yet dated", category: "services" });

    const titles = async (params: Record<string, string>) => {
      const { filters, errors } = query(params);
      expect(errors).toEqual({});
      return (await listPublishedOpportunities(db, { filters })).map((opportunity) => opportunity.title);
    };
    expect(await titles({})).toEqual([
      "Smart street lighting",
      "Connected LED street lights",
      "Waste collection routing",
      "Digital twin, not yet dated",
    ]);
    expect(await titles({ q: "street LIGHTS" })).toEqual([
      "Smart street lighting",
      "Connected LED street lights",
    ]);
    expect(await titles({ q: "bin" })).toEqual(["Waste collection routing"]);
    expect(await titles({ q: "brackenford twin" })).toEqual(["Digital twin, not yet dated"]);
    expect(await titles({ q: "100%" })).toEqual([]);
    expect(await titles({ category: "services" })).toEqual([
      "Waste collection routing",
      "Digital twin, not yet dated",
    ]);
    expect(await titles({ from: "2027-04-01", to: "2027-09-01" })).toEqual([
      "Connected LED street lights",
      "Waste collection routing",
    ]);
    expect(await titles({ min: "500,000" })).toEqual([
      "Smart street lighting",
      "Connected LED street lights",
    ]);
    expect(await titles({ min: "£300000", max: "900000" })).toEqual([
      "Connected LED street lights",
      "Waste collection routing",
    ]);
    expect(await titles({ city: "brackenford" })).toEqual([
      "Connected LED street lights",
      "Digital twin, not yet dated",
    ]);
    expect(await titles({ city: "brackenford", category: "goods", q: "lights" })).toEqual([
      "Connected LED street lights",
    ]);
  });

  it("reports filters it cannot use next to their fields and applies the rest", async () => {
    const parsed = query({
      category: "software",
      from: "2027-02-30",
      to: "soon",
      min: "lots",
      max: "",
      q: "lights",
    });
    expect(parsed.errors).toEqual({
      category: "Choose goods, services or works",
      from: "Enter a real date, such as 2027-03-01",
      to: "Enter a real date, such as 2027-06-30",
      min: "Enter an amount in figures, such as 250000",
    });
    expect(parsed.filters).toEqual({ text: "lights" });
    expect(query({ from: "2027-05-01", to: "2027-04-01", min: "10", max: "5" }).errors).toEqual({
      to: "The end of the period comes before its start",
      max: "The highest value is less than the lowest",
    });
  });

  it("shows the overlap groups that include a listed opportunity, and each city the groups it is in", async () => {
    const { db } = database.handle;
    const aldermoor = (await buildCityWithMembers(db, { slug: "aldermoor", name: "Aldermoor" })).city;
    const brackenford = (await buildCityWithMembers(db, { slug: "brackenford", name: "Brackenford" })).city;
    const castlebridge = (await buildCityWithMembers(db, { slug: "castlebridge", name: "Castlebridge" }))
      .city;
    await publishRelease(db, aldermoor, LIGHTS);
    await publishRelease(db, brackenford, {
      ...LIGHTS,
      title: "Connected LED street lights",
      description:
        "Street lights that report their own faults and can be dimmed centrally, reducing energy use.",
      tenderStart: "2027-05-01",
    });
    await publishRelease(db, castlebridge, {
      title: "On-street EV chargers",
      description: "Charging for electric cars in terraced streets without off-street parking.",
      category: "goods",
      tenderStart: "2027-03-01",
    });

    const all = await browsePipelines(db, { filters: {} });
    expect(all.total).toBe(3);
    expect(
      all.groups.map((group) => ({
        cityCount: group.cityCount,
        cities: group.opportunities.map((opportunity) => opportunity.citySlug),
      })),
    ).toEqual([{ cityCount: 2, cities: ["aldermoor", "brackenford"] }]);
    expect((await browsePipelines(db, { filters: { citySlug: "castlebridge" } })).groups).toEqual([]);
    expect((await browsePipelines(db, { filters: { citySlug: "brackenford" } })).groups).toHaveLength(1);

    expect(await overlapsOfCity(db, { cityId: aldermoor.id })).toHaveLength(1);
    expect(await overlapsOfCity(db, { cityId: castlebridge.id })).toEqual([]);
  });
});

describe("suppliers' interest", () => {
  async function setUp() {
    const { db } = database.handle;
    const aldermoor = await buildCityWithMembers(db, { slug: "aldermoor", name: "Aldermoor" });
    const rowId = await publishRelease(db, aldermoor.city, LIGHTS);
    const supplier = await buildUser(db, { name: "Sam Supplier" });
    return { ...aldermoor, rowId, supplier };
  }

  const INPUT = {
    organisation: "Brightway Lighting Ltd",
    contact: "Sam Supplier, sam@brightway.example",
    message: "We install dimmable LED lanterns with fault reporting.",
  };

  it("lets a signed-in person without a role in the city register interest once, then update it, telling every lead", async () => {
    const { db } = database.handle;
    const { city, members, rowId, supplier } = await setUp();
    const actor = await actorOf(supplier.id);

    const first = await registerInterest(deps(), { actor, user: supplier, city, rowId, input: INPUT });
    expect(first.created).toBe(true);
    const second = await registerInterest(deps(), {
      actor,
      user: supplier,
      city,
      rowId,
      input: { ...INPUT, message: "We also maintain them for ten years." },
    });
    expect(second).toMatchObject({ created: false, interest: { id: first.interest.id } });
    expect(await interestOfUser(db, { cityId: city.id, rowId, userId: supplier.id })).toMatchObject({
      organisation: "Brightway Lighting Ltd",
      message: "We also maintain them for ten years.",
      answer: null,
    });

    const leadNotes = await listNotifications(db, { userId: members.lead.id, limit: 10 });
    expect(leadNotes.map((note) => note.text)).toEqual([
      "Brightway Lighting Ltd updated their interest in “Smart street lighting”.",
      "Brightway Lighting Ltd registered interest in “Smart street lighting”.",
    ]);
    expect(leadNotes[0]!.link).toBe(`/c/aldermoor/procurement/interests#interest-${first.interest.id}`);
    expect(await listNotifications(db, { userId: members.editor.id, limit: 10 })).toEqual([]);
  });

  it("keeps one interest per person and opportunity when two submissions race", async () => {
    const { db } = database.handle;
    const { city, rowId, supplier } = await setUp();
    const actor = await actorOf(supplier.id);
    await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        registerInterest(deps(), {
          actor,
          user: supplier,
          city,
          rowId,
          input: { ...INPUT, message: `Try ${n}` },
        }),
      ),
    );
    const count = await db
      .selectFrom("supplier_interests")
      .select((eb) => eb.fn.countAll<string>().as("count"))
      .executeTakeFirstOrThrow();
    expect(Number(count.count)).toBe(1);
  });

  it("refuses the city's own members, unpublished opportunities and incomplete forms", async () => {
    const { db } = database.handle;
    const { city, members, rowId, supplier } = await setUp();
    for (const role of ["lead", "editor", "viewer"] as const) {
      const member = members[role];
      const refused = await failure(
        registerInterest(deps(), {
          actor: await actorOf(member.id),
          user: member,
          city,
          rowId,
          input: INPUT,
        }),
      );
      expect(refused.status, role).toBe(403);
      expect(refused.message).toBe(
        "You are a member of Aldermoor, so you cannot register interest in its own opportunities",
      );
    }
    const actor = await actorOf(supplier.id);
    const unpublished = await failure(
      registerInterest(deps(), { actor, user: supplier, city, rowId: "never-published", input: INPUT }),
    );
    expect(unpublished.status).toBe(404);
    const invalid = await failure(
      registerInterest(deps(), {
        actor,
        user: supplier,
        city,
        rowId,
        input: { organisation: " ", contact: "", message: "x".repeat(4001) },
      }),
    );
    expect(invalid.status).toBe(400);
    expect(invalid.fields).toEqual({
      organisation: "Enter the name of your organisation",
      contact: "Enter how the city can reach you, such as an email address or a phone number",
      message: "Message must be 4000 characters or fewer",
    });
    expect(await db.selectFrom("supplier_interests").selectAll().execute()).toEqual([]);
  });

  it("refuses interest once the procurement is withdrawn", async () => {
    const { db } = database.handle;
    const { city, rowId, supplier } = await setUp();
    await publishRelease(db, city, { ...LIGHTS, rowId, status: "withdrawn" });
    const refused = await failure(
      registerInterest(deps(), {
        actor: await actorOf(supplier.id),
        user: supplier,
        city,
        rowId,
        input: INPUT,
      }),
    );
    expect(refused.status).toBe(409);
  });

  it("lets the city's leads, and only them, read and answer interests; the supplier is told", async () => {
    const { db } = database.handle;
    const { city, members, rowId, supplier } = await setUp();
    const other = await buildCityWithMembers(db, { slug: "elsewhere", name: "Elsewhere" });
    const { interest } = await registerInterest(deps(), {
      actor: await actorOf(supplier.id),
      user: supplier,
      city,
      rowId,
      input: INPUT,
    });

    for (const outsider of [members.editor, other.members.lead, supplier]) {
      const actor = await actorOf(outsider.id);
      expect((await failure(receivedInterests(db, { actor, city }))).status).toBe(403);
      const refused = await failure(
        answerInterest(deps(), {
          actor,
          user: outsider,
          city,
          interestId: interest.id,
          input: { answer: "Hello" },
        }),
      );
      expect(refused.status).toBe(403);
    }
    // Another city's lead answering through their own city cannot reach this city's interest.
    const elsewhere = await failure(
      answerInterest(deps(), {
        actor: await actorOf(other.members.lead.id),
        user: other.members.lead,
        city: other.city,
        interestId: interest.id,
        input: { answer: "Hello" },
      }),
    );
    expect(elsewhere.status).toBe(404);

    const lead = await actorOf(members.lead.id);
    const blank = await failure(
      answerInterest(deps(), {
        actor: lead,
        user: members.lead,
        city,
        interestId: interest.id,
        input: { answer: "" },
      }),
    );
    expect(blank.fields).toEqual({ answer: "Write your answer" });

    await answerInterest(deps(), {
      actor: lead,
      user: members.lead,
      city,
      interestId: interest.id,
      input: { answer: "Thank you: come to our supplier day on 12 January." },
    });
    const [entry] = await receivedInterests(db, { actor: lead, city });
    expect(entry).toMatchObject({ rowId, unanswered: 0, opportunity: { title: "Smart street lighting" } });
    expect(entry!.interests[0]).toMatchObject({
      organisation: "Brightway Lighting Ltd",
      supplierName: "Sam Supplier",
      supplierEmail: supplier.email,
      answer: "Thank you: come to our supplier day on 12 January.",
      answeredByName: members.lead.name,
    });
    const [note] = await listNotifications(db, { userId: supplier.id, limit: 10 });
    expect(note).toMatchObject({
      kind: "interestAnswer",
      text: "Aldermoor answered your interest in “Smart street lighting”.",
      link: `/p/aldermoor/pipeline/${rowId}#your-interest`,
    });
    expect(await interestOfUser(db, { cityId: city.id, rowId, userId: supplier.id })).toMatchObject({
      answer: "Thank you: come to our supplier day on 12 January.",
    });
  });
});

describe("the demo cities' published pipelines", () => {
  it("show the cities that publish smart street lighting planning it at the same time, and nothing else as similar", async () => {
    const { db } = database.handle;
    await seedDemo(db);
    const view = await browsePipelines(db, { filters: {} });
    expect(view.cities.map((city) => city.slug)).toEqual(["aldermoor", "brackenford", "castlebridge"]);
    expect(view.groups).toHaveLength(1);
    const [group] = view.groups;
    const cities = group!.opportunities.map((opportunity) => opportunity.citySlug);
    expect(cities).toEqual(expect.arrayContaining(["aldermoor", "castlebridge"]));
    expect(group!.cityCount).toBe(new Set(cities).size);
    for (const opportunity of group!.opportunities) expect(opportunity.title).toMatch(/street lighting/i);
  });
});
