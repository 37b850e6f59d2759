// Server-only entry points for route modules: the `.server` suffix keeps them out of the browser bundle.
export { changePassword, signIn, signUp } from "../../server/accounts/commands";
