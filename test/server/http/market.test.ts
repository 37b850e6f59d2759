import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertBoardRows } from "../../../db/repositories/board-rows";
import { findCityBoard } from "../../../server/boards/commands";
import { createStarterDocuments } from "../../../server/documents/commands";
import type { RunningWorkspace } from "../../../server/workspace";
import { useTestDatabase } from "../../support/database";
import { buildCityWithMembers, buildUser } from "../../support/factories";
import { pageText, startTestWorkspace, TestClient } from "../../support/http";
import { publishRelease } from "../procurement/market-support";

const database = useTestDatabase();
let workspace: RunningWorkspace;

beforeAll(async () => {
  workspace = await startTestWorkspace(database.handle);
});
afterAll(() => workspace.stop());

async function signedIn(user: { email: string; password: string }) {
  const client = new TestClient(workspace.url);
  await client.signIn(user.email, user.password);
  return client;
}

const LIGHTS = {
  title: "Smart street lighting",
  description:
    "Cut the energy our street lights use by half, and let the council dim lights and spot faults remotely.",
  category: "goods" as const,
  tenderStart: "2027-03-01",
  awardDate: "2027-06-30",
  value: { amount: 1_200_000, currency: "GBP" },
};

async function setUp() {
  const { db } = database.handle;
  const aldermoor = await buildCityWithMembers(db, { slug: "aldermoor", name: "Aldermoor" });
  const brackenford = await buildCityWithMembers(db, { slug: "brackenford", name: "Brackenford" });
  const lights = await publishRelease(db, aldermoor.city, LIGHTS);
  const waste = await publishRelease(db, aldermoor.city, {
    title: "Waste collection routing",
    description: "Fewer missed bin collections by planning rounds from fill levels.",
    category: "services",
    tenderStart: "2027-09-01",
  });
  const leds = await publishRelease(db, brackenford.city, {
    ...LIGHTS,
    title: "Connected LED street lights",
    description:
      "Street lights that report their own faults and can be dimmed centrally, reducing energy use.",
    tenderStart: "2027-05-01",
    value: { amount: 800_000, currency: "GBP" },
  });
  await createStarterDocuments(db, { cityId: aldermoor.city.id, createdBy: null });
  const pipeline = await findCityBoard(db, { cityId: aldermoor.city.id, kind: "pipeline" });
  await upsertBoardRows(db, {
    documentId: pipeline.id,
    rows: [{ rowId: "draft", position: 0, data: { title: "Secret depot purchase" }, errors: {} }],
  });
  const supplier = await buildUser(db, { name: "Sam Supplier" });
  return { aldermoor, brackenford, lights, waste, leds, supplier };
}

const INTEREST = {
  organisation: "Brightway Lighting Ltd",
  contact: "Sam Supplier, sam@brightway.example",
  message: "We install dimmable LED lanterns with fault reporting.",
};

describe("every city's pipelines page", () => {
  it("lists published opportunities to anyone, without signing in, with the overlap between cities", async () => {
    const { lights, leds } = await setUp();
    const visitor = new TestClient(workspace.url);
    const response = await visitor.get("/pipelines");
    expect(response.status).toBe(200);
    const html = await pageText(response);
    expect(html).toContain("Smart street lighting");
    expect(html).toContain("Waste collection routing");
    expect(html).toContain("Connected LED street lights");
    expect(html).not.toContain("Secret depot purchase");
    expect(html).toContain("3 opportunities published");
    expect(html).toContain("2 cities plan something similar");
    expect(html).toContain(`href="/p/aldermoor/pipeline/${lights}"`);
    expect(html).toContain(`href="/p/brackenford/pipeline/${leds}"`);
    expect(html).toContain("£1,200,000");
  });

  it("filters through the query string, and says which filters it could not use", async () => {
    await setUp();
    const client = await signedIn(await buildUser(database.handle.db));
    const filtered = await pageText(
      await client.get("/pipelines?q=lights&city=brackenford&min=500000&category=goods"),
    );
    expect(filtered).toContain("1 of 3 opportunities matches the filters");
    expect(filtered).toContain("Connected LED street lights");
    expect(filtered).not.toContain("Waste collection routing");
    expect(filtered).toMatch(/<option value="brackenford" selected="">Brackenford<\/option>/);

    const period = await pageText(await client.get("/pipelines?from=2027-08-01&to=2027-12-31"));
    expect(period).toContain("1 of 3 opportunities matches the filters");
    expect(period).toContain("Waste collection routing");

    const wrong = await pageText(await client.get("/pipelines?from=2027-13-01&q=waste"));
    expect(wrong).toContain("Enter a real date, such as 2027-03-01");
    expect(wrong).toContain("1 of 3 opportunities matches the filters");

    const none = await pageText(await client.get("/pipelines?q=submarine"));
    expect(none).toContain("No published opportunity matches these filters.");
  });
});

describe("an opportunity's public page and market engagement", () => {
  it("shows the latest release without signing in, and sends a visitor who registers interest to sign in", async () => {
    const { lights } = await setUp();
    const visitor = new TestClient(workspace.url);
    const path = `/p/aldermoor/pipeline/${lights}`;
    const page = await visitor.get(path);
    expect(page.status).toBe(200);
    const html = await pageText(page);
    expect(html).toContain("Smart street lighting");
    expect(html).toContain("Cut the energy our street lights use by half");
    expect(html).toContain("1 Mar 2027");
    expect(html).toContain(`href="/login?redirectTo=${encodeURIComponent(path)}"`);
    expect(html).not.toContain('name="organisation"');

    const post = await visitor.post(path, INTEREST);
    expect(post.status).toBe(302);
    expect(post.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);

    expect((await visitor.get("/p/aldermoor/pipeline/draft")).status).toBe(404);
    expect((await visitor.get(`/p/brackenford/pipeline/${lights}`)).status).toBe(404);
    expect((await visitor.get(`/p/no-such-city/pipeline/${lights}`)).status).toBe(404);
  });

  it("refuses interest from the city's own members", async () => {
    const { aldermoor, lights } = await setUp();
    const path = `/p/aldermoor/pipeline/${lights}`;
    for (const role of ["lead", "viewer"] as const) {
      const member = await signedIn(aldermoor.members[role]);
      const page = await pageText(await member.get(path));
      expect(page).toContain(
        "You are a member of Aldermoor, so you cannot register interest in its own opportunities.",
      );
      expect(page).not.toContain('name="organisation"');
      const post = await member.post(path, INTEREST);
      expect(post.status, role).toBe(403);
    }
    const rows = await database.handle.db.selectFrom("supplier_interests").selectAll().execute();
    expect(rows).toEqual([]);
  });

  it("lets a supplier who signs up register interest, keeps what they typed when a field is missing, and update it", async () => {
    const { lights } = await setUp();
    const path = `/p/aldermoor/pipeline/${lights}`;
    const supplier = new TestClient(workspace.url);
    const signUp = await supplier.post("/signup", {
      name: "Nia Newcomer",
      email: "nia@newco.example",
      password: "a long enough password",
      redirectTo: path,
    });
    expect(signUp.status).toBe(302);
    expect(signUp.headers.get("location")).toBe(path);

    const form = await pageText(await supplier.get(path));
    expect(form).toContain('name="organisation"');
    expect(form).toContain("Register interest");

    const missing = await supplier.post(path, { ...INTEREST, contact: "" });
    expect(missing.status).toBe(400);
    const missingHtml = await pageText(missing);
    expect(missingHtml).toContain(
      "Enter how the city can reach you, such as an email address or a phone number",
    );
    expect(missingHtml).toContain('value="Brightway Lighting Ltd"');

    const sent = await supplier.post(path, INTEREST);
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe(`${path}?interest=registered#your-interest`);
    const after = await pageText(await supplier.get(`${path}?interest=registered`));
    expect(after).toContain("Your interest has been registered");
    expect(after).toContain("We install dimmable LED lanterns with fault reporting.");
    expect(after).toContain("Not answered yet.");
    expect(after).toContain("Update your interest");

    const updated = await supplier.post(path, { ...INTEREST, message: "We also maintain them." });
    expect(updated.headers.get("location")).toBe(`${path}?interest=updated#your-interest`);
    const rows = await database.handle.db.selectFrom("supplier_interests").selectAll().execute();
    expect(rows.map((row) => row.message)).toEqual(["We also maintain them."]);
  });
});

describe("the leads' page of suppliers' interest", () => {
  it("shows a lead the interests and the overlaps their city is in; the answer reaches the supplier", async () => {
    const { aldermoor, lights, supplier } = await setUp();
    const path = `/p/aldermoor/pipeline/${lights}`;
    const supplierClient = await signedIn(supplier);
    expect((await supplierClient.post(path, INTEREST)).status).toBe(302);

    const lead = await signedIn(aldermoor.members.lead);
    const page = await lead.get("/c/aldermoor/procurement/interests");
    expect(page.status).toBe(200);
    const html = await pageText(page);
    expect(html).toContain("2 cities plan something similar");
    expect(html).toContain("Connected LED street lights");
    expect(html).toContain("Brightway Lighting Ltd");
    expect(html).toContain("Sam Supplier, sam@brightway.example");
    expect(html).toContain("1 interest, 1 not answered yet");
    const interestId = /id="interest-([0-9a-f-]{36})"/.exec(html)![1]!;

    const blank = await lead.post("/c/aldermoor/procurement/interests", { interestId, answer: " " });
    expect(blank.status).toBe(400);
    expect(await pageText(blank)).toContain("Write your answer");

    const answered = await lead.post("/c/aldermoor/procurement/interests", {
      interestId,
      answer: "Thank you: come to our supplier day on 12 January.",
    });
    expect(answered.status).toBe(302);
    expect(await pageText(await lead.get("/c/aldermoor/procurement/interests"))).toContain(
      "1 interest, all answered",
    );

    const seen = await pageText(await supplierClient.get(path));
    expect(seen).toContain("Answer from Aldermoor");
    expect(seen).toContain("Thank you: come to our supplier day on 12 January.");
    const notifications = await pageText(await supplierClient.get("/notifications"));
    expect(notifications).toContain("Aldermoor answered your interest in “Smart street lighting”.");
  });

  it("is for the city's leads only: others in the city are refused, another city's lead finds nothing", async () => {
    const { aldermoor, brackenford, lights, supplier } = await setUp();
    await (await signedIn(supplier)).post(`/p/aldermoor/pipeline/${lights}`, INTEREST);
    const [interest] = await database.handle.db.selectFrom("supplier_interests").select("id").execute();

    const editor = await signedIn(aldermoor.members.editor);
    expect((await editor.get("/c/aldermoor/procurement/interests")).status).toBe(403);
    expect(
      (await editor.post("/c/aldermoor/procurement/interests", { interestId: interest!.id, answer: "Hi" }))
        .status,
    ).toBe(403);

    const otherLead = await signedIn(brackenford.members.lead);
    const elsewhere = await otherLead.get("/c/aldermoor/procurement/interests");
    expect(elsewhere.status).toBe(404);
    expect(await pageText(elsewhere)).not.toContain("Brightway Lighting Ltd");
    expect(
      (await otherLead.post("/c/aldermoor/procurement/interests", { interestId: interest!.id, answer: "Hi" }))
        .status,
    ).toBe(404);
    // Through their own city's page the interest is not theirs to answer.
    const ownPage = await otherLead.post("/c/brackenford/procurement/interests", {
      interestId: interest!.id,
      answer: "Hi",
    });
    expect(ownPage.status).toBe(404);
    const own = await pageText(await otherLead.get("/c/brackenford/procurement/interests"));
    expect(own).not.toContain("Brightway Lighting Ltd");
    expect(own).toContain("2 cities plan something similar");

    const anonymous = new TestClient(workspace.url);
    const redirected = await anonymous.get("/c/aldermoor/procurement/interests");
    expect(redirected.status).toBe(302);
    expect(redirected.headers.get("location")).toContain("/login?redirectTo=");
  });
});
