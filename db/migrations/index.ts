import type { Migration, MigrationProvider } from "kysely";
import * as accountsAndCities from "./2026-11-24-0001-accounts-and-cities";
import * as documentsAndYjsStorage from "./2026-11-24-0002-documents-and-yjs-storage";
import * as documentArchiveAndStarters from "./2026-11-24-0003-document-archive-and-starters";
import * as comments from "./2026-11-24-0004-comments";
import * as documentSearch from "./2026-11-24-0005-document-search";
import * as documentVersions from "./2026-11-24-0006-document-versions";
import * as notificationsAndActivity from "./2026-11-24-0007-notifications-and-activity";
import * as snapshotStateVectors from "./2026-11-25-0008-snapshot-state-vectors";
import * as boards from "./2026-11-25-0009-boards";
import * as principleAgreements from "./2026-11-25-0010-principle-agreements";
import * as frameworkTracker from "./2026-11-25-0011-framework-tracker";
import * as procurement from "./2026-11-25-0012-procurement";
import * as sharedSpaces from "./2026-11-25-0013-shared-spaces";
import * as governanceAndPublications from "./2026-11-25-0014-governance-and-publications";
import * as roadmapSharing from "./2026-11-25-0015-roadmap-sharing";
import * as lessons from "./2026-11-25-0016-lessons";

/** Every migration, by name; names sort in the order they run. Never edit one once landed. */
const migrations: Record<string, Migration> = {
  "2026-11-24-0001-accounts-and-cities": accountsAndCities,
  "2026-11-24-0002-documents-and-yjs-storage": documentsAndYjsStorage,
  "2026-11-24-0003-document-archive-and-starters": documentArchiveAndStarters,
  "2026-11-24-0004-comments": comments,
  "2026-11-24-0005-document-search": documentSearch,
  "2026-11-24-0006-document-versions": documentVersions,
  "2026-11-24-0007-notifications-and-activity": notificationsAndActivity,
  "2026-11-25-0008-snapshot-state-vectors": snapshotStateVectors,
  "2026-11-25-0009-boards": boards,
  "2026-11-25-0010-principle-agreements": principleAgreements,
  "2026-11-25-0011-framework-tracker": frameworkTracker,
  "2026-11-25-0012-procurement": procurement,
  "2026-11-25-0013-shared-spaces": sharedSpaces,
  "2026-11-25-0014-governance-and-publications": governanceAndPublications,
  "2026-11-25-0015-roadmap-sharing": roadmapSharing,
  "2026-11-25-0016-lessons": lessons,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
