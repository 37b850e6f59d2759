// Server-only entry points for route modules: the `.server` suffix keeps them out of the browser bundle.
export { listCitiesOfUser } from "../../db/repositories/cities";
export { listOpenInvitations, revokeInvitation } from "../../db/repositories/invitations";
export { listMembers } from "../../db/repositories/memberships";
export {
  acceptInvitation,
  changeRole,
  createCity,
  describeInvitation,
  inviteMember,
  removeMember,
} from "../../server/cities/commands";
export { can, strongestRole } from "../../server/policy";
