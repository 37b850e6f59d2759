import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

export async function action({ context, request }: ActionFunctionArgs) {
  const { sessions } = context.services;
  const token = sessions.readToken(request.headers.get("Cookie") ?? undefined);
  if (token) await sessions.end(token);
  return redirect("/", { headers: { "Set-Cookie": sessions.blankCookie() } });
}

export function loader() {
  return redirect("/");
}
