import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireCity } from "../lib/auth.server";
import { can } from "../lib/cities.server";
import { listThreads, reply, setResolved, startThread } from "../lib/comments.server";
import { validationError } from "../lib/errors.server";
import { asResponse, formFailure, readForm } from "../lib/forms.server";

/** The comment threads of a document, as JSON for the comments panel. */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { city } = await requireCity(context, request, params.slug);
  const threads = await listThreads({ db: context.db, cityId: city.id, documentId: params.id ?? "" }).catch(
    asResponse,
  );
  return json({
    canComment: can(context.actor, "comment", { type: "city", id: city.id }),
    threads: threads.map((thread) => ({
      ...thread,
      createdAt: thread.createdAt.toISOString(),
      resolvedAt: thread.resolvedAt?.toISOString() ?? null,
      comments: thread.comments.map((comment) => ({
        ...comment,
        createdAt: comment.createdAt.toISOString(),
      })),
    })),
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { city, user } = await requireCity(context, request, params.slug, "comment");
  const values = await readForm(request);
  const intent = values.intent ?? "";
  const scope = {
    db: context.db,
    realtime: context.services.realtime,
    cityId: city.id,
    documentId: params.id ?? "",
    userId: user.id,
  };
  try {
    switch (intent) {
      case "start":
        await startThread(scope, values);
        break;
      case "reply":
        await reply(scope, values);
        break;
      case "resolve":
      case "reopen":
        await setResolved(scope, { threadId: values.threadId, resolved: intent === "resolve" });
        break;
      default:
        throw validationError({}, "That action is not known");
    }
    return json({ ok: true as const, intent, threadId: values.threadId ?? null });
  } catch (error) {
    return formFailure(error, values, intent);
  }
}
