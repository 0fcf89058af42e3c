import { buildFederatedSchema, RequestContext } from "@hamafza/common";
import { GraphQLSchema } from "graphql";
import { Meeting } from "./entities/Meeting";
import { MeetingAttendance } from "./entities/MeetingAttendance";
import { County, Manager, Ngo } from "./entities/references";
import { meetingById } from "./loaders";
import { MeetingResolver, NgoEngagementResolver } from "./resolvers/meeting";

export const engagementEntities = [Meeting, MeetingAttendance];

/** The engagement subgraph schema; needs no database, so `npm run compose` can print it. */
export function buildEngagementSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [MeetingResolver, NgoEngagementResolver], orphanedTypes: [Ngo, County, Manager] },
    {
      Meeting: { __resolveReference: (ref: { id: string }, ctx: RequestContext) => meetingById(ctx).load(ref.id) },
      Ngo: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
    },
  );
}
