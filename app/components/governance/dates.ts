// One formatter each, made once: building an Intl formatter per call was a large share of a public page's render.
const LONG_DAY = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });
const MEDIUM_DAY = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** The day of an ISO time as the public pages write it: "4 December 2026". */
export const formatLongDay = (iso: string) => LONG_DAY.format(new Date(iso));

/** The day of an ISO time in short: "4 Dec 2026". */
export const formatMediumDay = (iso: string) => MEDIUM_DAY.format(new Date(iso));
