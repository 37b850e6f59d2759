import { diffWords } from "diff";
import type { Kysely } from "kysely";
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import * as versions from "../../db/repositories/versions";
import type { Database } from "../../db/schema";
import { UUID_PATTERN } from "../../shared/documents";
import { EDITOR_FRAGMENT } from "../../shared/editor/extensions";
import type { CollabHub } from "../collab/hub";
import { loadStoredState } from "../collab/persistence";
import { DomainError, notFound, validationError } from "../errors";
import { plainTextOf } from "../../shared/editor/plain-text";
import { requireDocumentOfCity } from "./commands";
import { documentSchema } from "./content";
import { toSafeHtml } from "./export";

export const VERSION_NAME_LENGTH = 120;

interface Scope {
  db: Kysely<Database>;
  cityId: string;
  documentId: string;
}

const requireDocument = (scope: Scope) =>
  requireDocumentOfCity(scope.db, { cityId: scope.cityId, documentId: scope.documentId });

async function requireVersion(scope: Scope, versionId: string) {
  await requireDocument(scope);
  const version = UUID_PATTERN.test(versionId)
    ? await versions.findVersion(scope.db, { documentId: scope.documentId, versionId })
    : undefined;
  if (!version) throw notFound("That version does not exist");
  return version;
}

function withDoc<T>(state: Uint8Array, read: (ydoc: Y.Doc) => T): T {
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, state);
    return read(ydoc);
  } finally {
    ydoc.destroy();
  }
}

export async function listDocumentVersions(scope: Scope) {
  await requireDocument(scope);
  return versions.listVersions(scope.db, { documentId: scope.documentId });
}

/** Saves the document as it is now under a name. */
export async function takeNamedVersion(scope: Scope & { userId: string; name: unknown }): Promise<string> {
  await requireDocument(scope);
  const name = typeof scope.name === "string" ? scope.name.trim() : "";
  if (name === "") throw validationError({ name: "Give the version a name" });
  if (name.length > VERSION_NAME_LENGTH) {
    throw validationError({ name: `A name must be ${VERSION_NAME_LENGTH} characters or fewer` });
  }
  const state = await loadStoredState(scope.db, scope.documentId);
  return versions.insertVersion(scope.db, {
    documentId: scope.documentId,
    name,
    state,
    userId: scope.userId,
  });
}

/** A version as the reader sees it: its content, and what changed between it and now. */
export async function viewVersion(scope: Scope & { versionId: string }) {
  const version = await requireVersion(scope, scope.versionId);
  const then = withDoc(version.state, (ydoc) => ({
    html: toSafeHtml(
      yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(EDITOR_FRAGMENT), documentSchema).toJSON(),
    ),
    text: plainTextOf(ydoc),
  }));
  const nowText = withDoc(await loadStoredState(scope.db, scope.documentId), plainTextOf);
  return {
    id: version.id,
    name: version.name,
    createdAt: version.created_at,
    createdByName: version.user_name,
    html: then.html,
    changes: diffWords(then.text, nowText).map((part) => ({
      text: part.value,
      kind: part.added ? ("added" as const) : part.removed ? ("removed" as const) : ("same" as const),
    })),
  };
}

/**
 * Brings back a version's content as a new change on top of the current document, made by the
 * restoring user and relayed live; history stays as it was.
 */
export async function restoreVersion(
  scope: Scope & { versionId: string; userId: string; hub: CollabHub | undefined },
): Promise<void> {
  const version = await requireVersion(scope, scope.versionId);
  if (!scope.hub) throw new DomainError(503, "unavailable", "Documents cannot be changed right now");
  const restored = withDoc(version.state, (ydoc) =>
    yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(EDITOR_FRAGMENT), documentSchema),
  );
  await scope.hub.change(scope.documentId, scope.userId, (ydoc) => {
    updateYFragment(ydoc, ydoc.getXmlFragment(EDITOR_FRAGMENT), restored, {
      mapping: new Map(),
      isOMark: new Map(),
    });
  });
}
