import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PageHeading } from "../components/page";
import { requireUser } from "../lib/auth.server";
import { listNotifications, markAllRead } from "../lib/notifications.server";

export const meta: MetaFunction = () => [{ title: "Notifications · SCF Workspace" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const notifications = await listNotifications(context.db, { userId: user.id, limit: 100 });
  return json({
    notifications: notifications.map((item) => ({ ...item, createdAt: item.createdAt.toISOString() })),
  });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  await markAllRead(context.db, { userId: user.id });
  return json({ ok: true });
}

export default function Notifications() {
  const { notifications } = useLoaderData<typeof loader>();
  const unread = notifications.filter((item) => !item.read).length;
  return (
    <>
      <PageHeading>Notifications</PageHeading>
      {unread > 0 ? (
        <Form method="post">
          <button type="submit" className="button button--secondary">
            Mark all as read
          </button>
        </Form>
      ) : null}
      {notifications.length === 0 ? (
        <p className="empty-state">
          Nothing yet. Mentions, replies to your comments and invitations appear here.
        </p>
      ) : (
        <ul className="notifications">
          {notifications.map((item) => (
            <li key={item.id} className={item.read ? "notification" : "notification notification--unread"}>
              {item.read ? null : <span className="visually-hidden">Unread: </span>}
              {item.link ? <Link to={item.link}>{item.text}</Link> : item.text}{" "}
              <span className="secondary">
                {new Date(item.createdAt).toLocaleString("en-GB", {
                  dateStyle: "medium",
                  timeStyle: "short",
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
