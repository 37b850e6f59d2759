import { redirect } from "@remix-run/node";
import faviconHref from "../assets/favicon.svg";

/** Browsers ask for /favicon.ico whatever the page says; point them at the real icon. */
export function loader() {
  return redirect(faviconHref, { status: 301 });
}
