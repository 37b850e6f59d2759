import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema";

/** A database or an open transaction: every repository function takes one first. */
export type Executor = Kysely<Database> | Transaction<Database>;
