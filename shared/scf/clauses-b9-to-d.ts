import type { Clause } from "./types";

/** The service management notes B9–B12, technology notes B13–B14, and components C and D. */
export const CLAUSES_B9_TO_D: readonly Clause[] = [];
