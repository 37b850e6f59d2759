import { Migrator, type Kysely, type MigrationResult } from "kysely";
import { migrationProvider } from "./migrations";
import type { Database } from "./schema";

/**
 * Brings the schema up to date. Kysely's migrator holds a PostgreSQL advisory lock while it runs,
 * so several processes starting together apply each migration once.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResult[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === "Error");
    const cause = error instanceof Error ? error : new Error(String(error));
    throw new Error(`Migration ${failed?.migrationName ?? ""} failed: ${cause.message}`, { cause });
  }
  return results;
}
