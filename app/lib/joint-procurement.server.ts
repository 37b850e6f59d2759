// Server-only entry points for route modules: the `.server` suffix keeps them out of the browser bundle.
export { findJointProcurement, listJointProcurementsFrom } from "../../db/repositories/joint-procurements";
export {
  findJointView,
  proposeJointProcurement,
  publishJointOpportunity,
  type JointView,
} from "../../server/procurement/joint";
