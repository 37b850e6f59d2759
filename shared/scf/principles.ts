import type { PrincipleGroup } from "./types";

/** Annex A: the framework's guiding principles, in four groups. */
export const PRINCIPLE_GROUPS: readonly PrincipleGroup[] = [];
