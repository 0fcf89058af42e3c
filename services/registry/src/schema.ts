import { LicenceAttachment } from "./attachments/LicenceAttachment";
import { LicenceAttachmentResolver, LicenceAttachmentsResolver } from "./attachments/licenceAttachmentResolver";
import { ActivityReportAttachment } from "./attachments/ActivityReportAttachment";
import {
  ActivityReportAttachmentResolver,
  ActivityReportAttachmentsResolver,
} from "./attachments/activityReportAttachmentResolver";
import { buildFederatedSchema, RequestContext } from "@hamafza/common";
import { GraphQLResolveInfo, GraphQLSchema } from "graphql";
import { County } from "./entities/County";
import { Manager } from "./entities/Manager";
import { Ngo } from "./entities/Ngo";
import { Province } from "./entities/Province";
import { countyById, managerById, provinceById } from "./loaders";
import { organisationEntities, organisationReferenceResolvers, organisationResolvers } from "./organisations";
import { profileEntities, profileReferenceResolvers, profileResolvers } from "./profileModule";
import { CountyResolver, ProvinceResolver } from "./resolvers/geography";
import { CountyRelationsResolver, ProvinceRelationsResolver } from "./resolvers/provinceRelations";
import { ManagerResolver } from "./resolvers/manager";
import { resolveNgo } from "./merging/ngoAlias";
import { NgoMergeResolver, NgoMergedIntoResolver } from "./merging/ngoMerge";
import { NgoResolver } from "./resolvers/ngo";
import { NgoPublicListing } from "./entities/NgoPublicListing";
import { NgoActivityReport } from "./entities/NgoActivityReport";
import { NgoActivityReportResolver, NgoActivityReportsOfNgoResolver } from "./activityReport/activityReportResolver";
import { NgoPublicListingResolver } from "./publicRegister/publicListingResolver";
import { NgoChangeRequest } from "./changeRequest/NgoChangeRequest";
import { NgoChangeRequestResolver } from "./changeRequest/ngoChangeRequestResolver";
import { MyNgoProfileResolver } from "./selfService/myNgoProfileResolver";
import { MyPublicListingResolver } from "./selfService/myPublicListingResolver";
import { TrainingInvitation, TrainingSession } from "./training/TrainingSession";
import { TrainingNeedResolver } from "./training/trainingNeedResolver";
import { TrainingNeedCountResolver } from "./training/trainingNeedCounts";
import {
  NgoTrainingSessionsResolver,
  TrainingInvitationResolver,
  TrainingSessionResolver,
} from "./training/trainingSessionResolver";
import { NeedsAssessment, NeedsAssessmentNgo, PriorityNeed } from "./entities/NeedsAssessment";
import { AssessableAreasResolver } from "./needsAssessment/assessableAreasResolver";
import { AreaNeedsAssessmentResolver, NeedsAssessmentResolver } from "./needsAssessment/needsAssessmentResolver";
import { CoverageResolver } from "./areaCoverage/coverageResolver";
import { SupervisionRecord } from "./supervision/SupervisionRecord";
import { SupervisionRecordPersonResolver } from "./supervision/supervisionPeople";
import {
  LicenceEventSupervisionResolver,
  SupervisionRecordResolver,
  SupervisionRecordsOfNgoResolver,
} from "./supervision/supervisionResolver";
import { priorityNeedById } from "./needsAssessment/needsAssessmentLoaders";
import { MeetingAttendance, MeetingAttendanceLicenceResolver } from "./resolvers/attendanceLicence"; // engagement's MeetingAttendance + licence state on the meeting day

export const registryEntities = [
  Province,
  County,
  Ngo,
  Manager,
  ...organisationEntities,
  ...profileEntities,
  NgoPublicListing,
  NgoActivityReport,
  NeedsAssessment,
  NeedsAssessmentNgo,
  PriorityNeed,
  LicenceAttachment,
  ActivityReportAttachment,
  NgoChangeRequest,
  TrainingSession,
  TrainingInvitation,
  SupervisionRecord,
];

/** The registry subgraph schema; needs no database, so `npm run compose` can print it. */
export function buildRegistrySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        LicenceAttachmentResolver,
        LicenceAttachmentsResolver,
        ActivityReportAttachmentResolver,
        ActivityReportAttachmentsResolver,
        ProvinceResolver,
        CountyResolver,
        ProvinceRelationsResolver,
        CountyRelationsResolver,
        NgoResolver,
        ManagerResolver,
        ...organisationResolvers,
        ...profileResolvers,
        MeetingAttendanceLicenceResolver,
        NgoPublicListingResolver,
        NgoActivityReportResolver,
        NgoActivityReportsOfNgoResolver,
        NeedsAssessmentResolver,
        AreaNeedsAssessmentResolver,
        AssessableAreasResolver,
        CoverageResolver,
        NgoMergeResolver,
        NgoMergedIntoResolver,
        NgoChangeRequestResolver,
        MyNgoProfileResolver,
        MyPublicListingResolver,
        TrainingNeedResolver,
        TrainingNeedCountResolver,
        TrainingSessionResolver,
        TrainingInvitationResolver,
        NgoTrainingSessionsResolver,
        SupervisionRecordResolver,
        SupervisionRecordPersonResolver,
        SupervisionRecordsOfNgoResolver,
        LicenceEventSupervisionResolver,
      ],
      orphanedTypes: [MeetingAttendance],
    },
    {
      Province: { __resolveReference: (ref: { id: string }, ctx: RequestContext) => provinceById(ctx).load(ref.id) },
      County: { __resolveReference: (ref: { id: string }, ctx: RequestContext) => countyById(ctx).load(ref.id) },
      // A merged NGO's id resolves to the survivor (docs/merging.md).
      Ngo: {
        __resolveReference: (ref: { id: string }, ctx: RequestContext, info: GraphQLResolveInfo) =>
          resolveNgo(ctx, ref.id, info),
      },
      Manager: { __resolveReference: (ref: { id: string }, ctx: RequestContext) => managerById(ctx).load(ref.id) },
      ...organisationReferenceResolvers,
      ...profileReferenceResolvers,
      PriorityNeed: {
        __resolveReference: (ref: { id: string }, ctx: RequestContext) => priorityNeedById(ctx).load(ref.id),
      },
    },
  );
}
