import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import type { Kysely } from "kysely";
import type { Node } from "@tiptap/pm/model";
import * as Y from "yjs";
import type { DocumentRecord } from "../../db/repositories/documents";
import { listMembers } from "../../db/repositories/memberships";
import * as agreements from "../../db/repositories/principle-agreements";
import * as versions from "../../db/repositories/versions";
import type { Database } from "../../db/schema";
import { EDITOR_FRAGMENT } from "../../shared/editor/fragment";
import type { Role } from "../../shared/roles";
import { loadStoredState } from "../collab/persistence";
import { conflict, forbidden, notFound } from "../errors";
import { can, type Actor } from "../policy";
import { requireDocumentOfCity } from "./commands";
import { documentSchema } from "./content";

/** Only the guiding principles are agreed with; every other kind of document is just edited. */
export const AGREED_DOCUMENT_KIND = "principles";

interface Scope {
  db: Kysely<Database>;
  cityId: string;
  documentId: string;
}

/** A version by its number in the document's history: 1 is the oldest. */
export interface NumberedVersion {
  id: string;
  number: number;
}

export interface AgreementOfPerson {
  userId: string;
  name: string;
  role: Role;
  /** Their agreement with the latest version they agreed with, if they ever agreed. */
  agreement: { version: NumberedVersion; agreedAt: Date } | null;
}

export interface AgreementSummary {
  /**
   * The version that reads as the document does now: the oldest of the latest versions whose text
   * is unchanged since. Null when the text has changed since the last version was taken.
   */
  currentVersion: NumberedVersion | null;
  /** The newest version, whatever it reads. */
  latestVersion: NumberedVersion | null;
  /** The leads and editors who agreed with the current version. */
  agreed: AgreementOfPerson[];
  /** The leads and editors who have not, each with their agreement with an earlier version if any. */
  notYet: AgreementOfPerson[];
}

/** Who may record agreement: the same people who may edit the city's documents. */
export function mayAgree(actor: Actor, cityId: string): boolean {
  return can(actor, "edit", { type: "city", id: cityId });
}

function contentOf(state: Uint8Array): Node {
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, state);
    return yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(EDITOR_FRAGMENT), documentSchema);
  } finally {
    ydoc.destroy();
  }
}

/** The blocks of a document, without the empty paragraphs the editor keeps at its end. */
function blocksOf(content: Node): Node[] {
  const blocks: Node[] = [];
  content.forEach((block) => blocks.push(block));
  while (blocks.at(-1)?.type.name === "paragraph" && blocks.at(-1)?.content.size === 0) blocks.pop();
  return blocks;
}

/** Whether two states of a document read the same: same blocks, text, marks and attributes. */
function readsTheSame(a: Node, b: Node): boolean {
  const first = blocksOf(a);
  const second = blocksOf(b);
  return first.length === second.length && first.every((block, index) => block.eq(second[index]!));
}

/**
 * The document as stored now, its versions, and the current version: walking back from the newest,
 * the last version whose text still reads as the document does now. Versions taken after an
 * agreement without any edit in between (the automatic one after a stretch of editing) therefore
 * do not move it on.
 */
async function readVersions(db: Kysely<Database>, documentId: string) {
  const state = await loadStoredState(db, documentId);
  const now = contentOf(state);
  const listed = await versions.listVersions(db, { documentId });
  const numbered = listed.map((version, index) => ({ id: version.id, number: listed.length - index }));
  let current: NumberedVersion | null = null;
  for (const version of numbered) {
    const stored = await versions.findVersion(db, { documentId, versionId: version.id });
    if (!stored || !readsTheSame(contentOf(stored.state), now)) break;
    current = version;
  }
  return { state, numbered, current };
}

async function requireAgreedDocument(
  db: Kysely<Database>,
  scope: Omit<Scope, "db">,
): Promise<DocumentRecord> {
  const document = await requireDocumentOfCity(db, scope);
  if (document.kind !== AGREED_DOCUMENT_KIND) {
    throw notFound("Only the guiding principles document records agreement");
  }
  return document;
}

/** Who of the city's leads and editors agree with the guiding principles as they read now. */
export async function summariseAgreement(scope: Scope): Promise<AgreementSummary> {
  const { db, cityId, documentId } = scope;
  await requireAgreedDocument(db, { cityId, documentId });
  const { numbered, current: currentVersion } = await readVersions(db, documentId);
  const numberOf = new Map(numbered.map((version) => [version.id, version]));
  const recorded = await agreements.listAgreements(db, { documentId });
  const people = (await listMembers(db, { cityId }))
    .filter((member) => mayAgree({ userId: member.userId, roles: new Map([[cityId, member.role]]) }, cityId))
    .map((member): AgreementOfPerson => {
      let agreement: AgreementOfPerson["agreement"] = null;
      for (const entry of recorded) {
        const version = numberOf.get(entry.versionId);
        if (entry.userId !== member.userId || !version) continue;
        if (!agreement || version.number > agreement.version.number) {
          agreement = { version, agreedAt: entry.agreedAt };
        }
      }
      return { userId: member.userId, name: member.name, role: member.role, agreement };
    });
  const agreesNow = (person: AgreementOfPerson) =>
    currentVersion !== null && (person.agreement?.version.number ?? 0) >= currentVersion.number;
  return {
    currentVersion,
    latestVersion: numbered[0] ?? null,
    agreed: people.filter(agreesNow),
    notYet: people.filter((person) => !agreesNow(person)),
  };
}

/**
 * Records that a lead or editor agrees with the guiding principles as they read now, against the
 * current version; when the text has changed since the last version, a version is taken first so
 * the agreement names one anyone can open.
 */
export async function agreeWithPrinciples(
  scope: Scope & { actor: Actor; userId: string },
): Promise<NumberedVersion> {
  if (!mayAgree(scope.actor, scope.cityId)) {
    throw forbidden("Only leads and editors can agree with the guiding principles");
  }
  return scope.db.transaction().execute(async (trx) => {
    const document = await requireAgreedDocument(trx, scope);
    if (document.archivedAt) {
      throw conflict("This document is archived: restore it before agreeing with it");
    }
    await agreements.lockDocumentForAgreement(trx, { documentId: document.id });
    const { state, numbered, current } = await readVersions(trx, document.id);
    const numberOf = new Map(numbered.map((version) => [version.id, version.number]));
    if (current) {
      const mine = (await agreements.listAgreements(trx, { documentId: document.id })).filter(
        (entry) => entry.userId === scope.userId && (numberOf.get(entry.versionId) ?? 0) >= current.number,
      );
      if (mine.length > 0) throw conflict(`You have already agreed with version ${current.number}`);
    }
    const version = current ?? {
      id: await versions.insertVersion(trx, {
        documentId: document.id,
        name: null,
        state,
        userId: scope.userId,
      }),
      number: numbered.length + 1,
    };
    await agreements.insertAgreement(trx, {
      documentId: document.id,
      versionId: version.id,
      userId: scope.userId,
    });
    return version;
  });
}
