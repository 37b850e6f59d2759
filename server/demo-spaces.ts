import type { Transaction } from "kysely";
import * as discussions from "../db/repositories/discussions";
import { findCityById } from "../db/repositories/cities";
import { findBoardOfSpace, insertDocument } from "../db/repositories/documents";
import * as spaces from "../db/repositories/spaces";
import type { Database } from "../db/schema";
import { findCityBoard, readStoredBoard } from "./boards/commands";
import { readBoard } from "../shared/boards/model";
import { PIPELINE } from "../shared/boards/pipeline";
import { seedDemoLessons } from "./demo-lessons";
import { openJointProcurement } from "./procurement/joint";
import { publishOpportunities } from "./procurement/publishing";

/** The network every demo city belongs to, at a fixed address so the README can point at it. */
export const DEMO_NETWORK_SLUG = "uk-smart-cities-network";

/** The street lighting opportunity Aldermoor buys jointly with Brackenford; Castlebridge is still to answer. */
const JOINT_TITLE = "Smart street lighting: LED lanterns with central management";

const NETWORK_DISCUSSION = {
  title: "Dimming street lights after midnight: how did residents take it?",
  posts: [
    {
      by: "aldermoor",
      body: "We are about to dim to 50% between 00:30 and 05:30 on residential streets. Did anyone consult first, and what did people worry about most?",
    },
    {
      by: "brackenford",
      body: "We ran a three-month trial on two estates with a feedback line. The worry was safety near bus stops and paths, so those stay at full brightness; complaints fell away after the first month.",
    },
    {
      by: "castlebridge",
      body: "Same here: publish a map of what dims and when, before you start. We kept a 'request full brightness' form open for carers and night-shift workers.",
    },
  ],
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;

type People = ReadonlyMap<string, { userId: string; cityId: string }>;

/**
 * The demo's shared spaces: a network of the three cities with a discussion and lessons under way, and a joint
 * procurement of street lighting led by Aldermoor, accepted by Brackenford and awaiting Castlebridge,
 * published as open data naming both buyers. `leads` holds each demo city's lead by city slug.
 */
export async function seedDemoSpaces(trx: Transaction<Database>, leads: People): Promise<void> {
  const aldermoor = leads.get("aldermoor");
  const brackenford = leads.get("brackenford");
  const castlebridge = leads.get("castlebridge");
  if (!aldermoor || !brackenford || !castlebridge) return;

  const network = await spaces.insertSharedSpace(trx, {
    slug: DEMO_NETWORK_SLUG,
    name: "UK smart cities network",
    purpose:
      "Cities sharing what worked and what did not: lessons, questions and roadmaps, open to every city in the workspace.",
    open: true,
    convenerCityId: aldermoor.cityId,
    createdBy: aldermoor.userId,
  });
  for (const member of [brackenford, castlebridge])
    await spaces.setSpaceCityStatus(trx, {
      spaceId: network.id,
      cityId: member.cityId,
      status: "member",
      by: member.userId,
    });
  await insertDocument(trx, {
    spaceId: network.id,
    kind: "page",
    title: "How the network works",
    createdBy: aldermoor.userId,
  });
  const [first, ...replies] = NETWORK_DISCUSSION.posts;
  const thread = await discussions.insertThread(trx, {
    spaceId: network.id,
    documentId: null,
    title: NETWORK_DISCUSSION.title,
    createdBy: leads.get(first.by)?.userId ?? aldermoor.userId,
  });
  const posts = [first, ...replies];
  for (const [index, post] of posts.entries()) {
    const author = leads.get(post.by) ?? aldermoor;
    await discussions.insertPost(trx, {
      threadId: thread.id,
      authorId: author.userId,
      cityId: author.cityId,
      body: post.body,
      // A day apart, the last one yesterday.
      createdAt: new Date(Date.now() - (posts.length - index) * DAY_MS),
    });
  }
  await seedDemoLessons(trx, { network, leads });

  const pipeline = await findCityBoard(trx, { cityId: aldermoor.cityId, kind: "pipeline" });
  const rows = await readStoredBoard(trx, pipeline.id, (ydoc) => readBoard(ydoc, PIPELINE));
  const lighting = rows.find((row) => row.valid.title === JOINT_TITLE);
  if (!lighting) return;
  const joint = await openJointProcurement(trx, {
    cityId: aldermoor.cityId,
    userId: aldermoor.userId,
    opportunity: lighting,
    invitedCityIds: [brackenford.cityId, castlebridge.cityId],
  });
  await spaces.setSpaceCityStatus(trx, {
    spaceId: joint.id,
    cityId: brackenford.cityId,
    status: "member",
    by: brackenford.userId,
  });
  const board = await findBoardOfSpace(trx, { spaceId: joint.id, kind: "pipeline" });
  const partner = await findCityById(trx, { id: brackenford.cityId });
  if (!board || !partner) return;
  const jointRows = await readStoredBoard(trx, board.id, (ydoc) => readBoard(ydoc, PIPELINE));
  await publishOpportunities(trx, {
    cityId: aldermoor.cityId,
    userId: aldermoor.userId,
    rowIds: jointRows.map((row) => row.id),
    joint: { documentId: board.id, coBuyers: [{ slug: partner.slug, name: partner.name }] },
  });
}
