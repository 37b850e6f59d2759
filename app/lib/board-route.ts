import type { ShouldRevalidateFunction } from "@remix-run/react";

/**
 * For a live board's route: switching views only changes the search string, so the page needs
 * nothing new from the server.
 */
export const revalidateOnlyOnNewPage: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  formMethod,
  defaultShouldRevalidate,
}) => {
  if (!formMethod && currentUrl.pathname === nextUrl.pathname) return false;
  return defaultShouldRevalidate;
};
