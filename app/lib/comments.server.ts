// Server-only entry points for route modules: the `.server` suffix keeps them out of the browser bundle.
export { listThreads, reply, setResolved, startThread } from "../../server/comments/commands";
