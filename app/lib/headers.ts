import type { HeadersFunction } from "@remix-run/node";

/** Passes an action's Retry-After on to the page, so a throttled form answers 429 with it. */
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
