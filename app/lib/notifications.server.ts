// Server-only entry points for route modules: the `.server` suffix keeps them out of the browser bundle.
export { countUnread, listNotifications, markAllRead } from "../../db/repositories/notifications";
export { notifyInvitation } from "../../server/notifications/notify";
export { listCityActivity } from "../../db/repositories/activity";
