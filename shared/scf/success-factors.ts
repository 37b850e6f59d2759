import type { SuccessFactor } from "./types";

/** Annex B: the nine critical success factors, their sub-factors and checklists. */
export const SUCCESS_FACTORS: readonly SuccessFactor[] = [];
