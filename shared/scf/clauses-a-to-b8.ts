import type { Clause } from "./types";

/** Component A and the business management notes B1–B8. */
export const CLAUSES_A_TO_B8: readonly Clause[] = [];
