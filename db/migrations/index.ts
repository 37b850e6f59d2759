import type { Migration, MigrationProvider } from "kysely";
import * as accountsAndCities from "./2026-11-24-0001-accounts-and-cities";
import * as documentsAndYjsStorage from "./2026-11-24-0002-documents-and-yjs-storage";
import * as documentArchiveAndStarters from "./2026-11-24-0003-document-archive-and-starters";
import * as documentSearch from "./2026-11-24-0005-document-search";

/** Every migration, by name; names sort in the order they run. Never edit one once landed. */
const migrations: Record<string, Migration> = {
  "2026-11-24-0001-accounts-and-cities": accountsAndCities,
  "2026-11-24-0002-documents-and-yjs-storage": documentsAndYjsStorage,
  "2026-11-24-0003-document-archive-and-starters": documentArchiveAndStarters,
  "2026-11-24-0005-document-search": documentSearch,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
