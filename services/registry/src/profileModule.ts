import { RequestContext } from "@hamafza/common";
import { BoardMember } from "./entities/BoardMember";
import { FieldOfActivity } from "./entities/FieldOfActivity";
import { Licence } from "./entities/Licence";
import { LicenceEvent } from "./entities/LicenceEvent";
import { NgoAward } from "./entities/NgoAward";
import { NgoCapability } from "./entities/NgoCapability";
import { NgoField } from "./entities/NgoField";
import { TrainingNeed } from "./entities/TrainingNeed";
import { fieldOfActivityById, FieldOfActivityResolver } from "./resolvers/fieldOfActivity";
import { LicenceResolver } from "./resolvers/licence";
import { LicenceStateTableResolver } from "./resolvers/licenceStateTable";
import { NgoLicenceResolver } from "./resolvers/ngoLicence";
import { NgoImportResolver } from "./resolvers/ngoImport";
import { NgoCapabilityResolver, NgoProfileResolver } from "./resolvers/ngoProfile";
import { RegistryAnalyticsResolver } from "./resolvers/registryAnalytics";
import {
  DuplicateNgoPairResolver,
  NgoCountResolver,
  NgoSearchHitResolver,
  ParallelWorkGroupResolver,
  TrainingNeedAggregateResolver,
} from "./resolvers/registryAnalyticsRows";

/** The NGO's profile: fields of activity, board, capabilities, awards, training needs, licences, search, analytics, import. */
export const profileEntities = [
  FieldOfActivity,
  NgoField,
  BoardMember,
  NgoCapability,
  NgoAward,
  TrainingNeed,
  Licence,
  LicenceEvent,
];

export const profileResolvers = [
  FieldOfActivityResolver,
  NgoProfileResolver,
  NgoCapabilityResolver,
  LicenceResolver,
  LicenceStateTableResolver,
  NgoLicenceResolver,
  RegistryAnalyticsResolver,
  NgoCountResolver,
  TrainingNeedAggregateResolver,
  NgoSearchHitResolver,
  DuplicateNgoPairResolver,
  ParallelWorkGroupResolver,
  NgoImportResolver,
] as const;

/** `FieldOfActivity` is a federation entity (reference data: no territory). */
export const profileReferenceResolvers = {
  FieldOfActivity: {
    __resolveReference: (ref: { id: string }, ctx: RequestContext) => fieldOfActivityById(ctx).load(ref.id),
  },
};
