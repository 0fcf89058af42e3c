import { MeetingReplyResolver } from "./resolvers/meetingReply";
import { buildFederatedSchema, RequestContext } from "@hamafza/common";
import { GraphQLSchema } from "graphql";
import {
  AttachmentResolver,
  MeetingAttachmentsResolver,
  ProjectAttachmentsResolver,
  ResolutionAttachmentsResolver,
} from "./attachments/attachmentResolver";
import { Attachment } from "./attachments/Attachment";
import { AgendaItem } from "./entities/AgendaItem";
import { Demand } from "./entities/Demand";
import { Meeting } from "./entities/Meeting";
import { MeetingAttendance } from "./entities/MeetingAttendance";
import { MeetingOfficial } from "./entities/MeetingOfficial";
import { EngagementPeriodLock } from "./entities/PeriodLock";
import { Project, ProjectPartner, ProjectUpdate } from "./entities/Project";
import { Proposal } from "./entities/Proposal";
import { Agency, County, Manager, Ngo, Province } from "./entities/references";
import { Resolution, ResolutionUpdate } from "./entities/Resolution";
import { SocialHarm } from "./entities/SocialHarm";
import { DemandTopic } from "./entities/DemandTopic";
import { GoverningBody } from "./entities/GoverningBody";
import { PriorityNeedExtensionResolver, ProjectPriorityNeedResolver } from "./resolvers/priorityNeedExtension";
import { GoverningBodyResolver, WorkingGroupBodyResolver } from "./governingBody/governingBodyResolver";
import { DemandTopicOfDemandResolver, DemandTopicResolver } from "./demandTopic/demandTopicResolver";
import { WorkingGroup, WorkingGroupMember } from "./entities/WorkingGroup";
import { attendanceById, meetingById, socialHarmById } from "./loaders";
import { AgendaItemResolver, SocialHarmResolver } from "./resolvers/agenda";
import { EngagementAnalyticsResolver } from "./resolvers/analytics";
import { MeetingRhythmResolver } from "./resolvers/meetingRhythm";
import {
  AgencyExtensionResolver,
  CountyExtensionResolver,
  ManagerExtensionResolver,
  NgoExtensionResolver,
} from "./resolvers/extensions";
import { EngagementFactsResolver } from "./resolvers/facts";
import {
  MeetingAttendanceResolver,
  MeetingOfficialResolver,
  MeetingResolver,
  NgoEngagementResolver,
} from "./resolvers/meeting";
import { MeetingSeriesResolver } from "./resolvers/meetingSeries";
import { PeriodLockResolver } from "./resolvers/periodLock";
import { ProjectResolver } from "./resolvers/project";
import {
  AgencyRelationsResolver,
  CountyRelationsResolver,
  NgoRelationsResolver,
  ProvinceRelationsResolver,
} from "./resolvers/relations";
import { ReferenceUseResolver } from "./resolvers/referenceUses";
import { NgoMergeSyncResolver } from "./merging/ngoMergeSync";
import { DemandResolver } from "./resolvers/demand";
import { AgencyAnswerResolver, DemandActionsResolver, ProposalActionsResolver } from "./resolvers/agencyAnswers";
import { RequestAction } from "./entities/RequestAction";
import { ProposalResolver } from "./resolvers/proposal";
import { ResolutionResolver } from "./resolvers/resolution";
import { WorkingGroupResolver } from "./resolvers/workingGroup";
import { WorkingGroupMemberResolver } from "./resolvers/workingGroupMember";
import { ProjectUpdatePersonResolver, ResolutionUpdatePersonResolver } from "./resolvers/people";

export const engagementEntities = [
  Meeting,
  MeetingAttendance,
  MeetingOfficial,
  SocialHarm,
  DemandTopic,
  GoverningBody,
  AgendaItem,
  Resolution,
  ResolutionUpdate,
  WorkingGroup,
  WorkingGroupMember,
  Project,
  ProjectPartner,
  ProjectUpdate,
  Proposal,
  Demand,
  RequestAction,
  EngagementPeriodLock,
  Attachment,
];

/** The engagement subgraph schema; needs no database, so `npm run compose` can print it. */
export function buildEngagementSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        MeetingResolver,
        MeetingReplyResolver,
        NgoMergeSyncResolver,
        MeetingSeriesResolver,
        MeetingAttendanceResolver,
        MeetingOfficialResolver,
        NgoEngagementResolver,
        SocialHarmResolver,
        DemandTopicResolver,
        DemandTopicOfDemandResolver,
        GoverningBodyResolver,
        WorkingGroupBodyResolver,
        PriorityNeedExtensionResolver,
        ProjectPriorityNeedResolver,
        AgendaItemResolver,
        ResolutionResolver,
        WorkingGroupResolver,
        WorkingGroupMemberResolver,
        ProjectResolver,
        ProposalResolver,
        DemandResolver,
        AgencyAnswerResolver,
        DemandActionsResolver,
        ProposalActionsResolver,
        ReferenceUseResolver,
        NgoExtensionResolver,
        ManagerExtensionResolver,
        AgencyExtensionResolver,
        CountyExtensionResolver,
        EngagementAnalyticsResolver,
        MeetingRhythmResolver,
        EngagementFactsResolver,
        PeriodLockResolver,
        ProvinceRelationsResolver,
        CountyRelationsResolver,
        AgencyRelationsResolver,
        NgoRelationsResolver,
        AttachmentResolver,
        MeetingAttachmentsResolver,
        ResolutionAttachmentsResolver,
        ProjectAttachmentsResolver,
        ResolutionUpdatePersonResolver,
        ProjectUpdatePersonResolver,
      ],
      orphanedTypes: [Ngo, County, Manager, Agency, Province],
    },
    {
      Meeting: { __resolveReference: (ref: { id: string }, ctx: RequestContext) => meetingById(ctx).load(ref.id) },
      MeetingAttendance: {
        __resolveReference: (ref: { id: string }, ctx: RequestContext) => attendanceById(ctx).load(ref.id),
      },
      SocialHarm: {
        __resolveReference: (ref: { id: string }, ctx: RequestContext) => socialHarmById(ctx).load(ref.id),
      },
      Ngo: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
      County: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
      Province: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
      Manager: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
      Agency: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
    },
  );
}
