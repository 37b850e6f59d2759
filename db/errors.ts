function hasCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === code;
}

/** True for PostgreSQL's unique_violation (23505), from pg or PGlite alike. */
export const isUniqueViolation = (error: unknown) => hasCode(error, "23505");

/** True for PostgreSQL's foreign_key_violation (23503). */
export const isForeignKeyViolation = (error: unknown) => hasCode(error, "23503");

/** True for PostgreSQL's deadlock_detected (40P01): the transaction was chosen as the victim. */
export const isDeadlock = (error: unknown) => hasCode(error, "40P01");
