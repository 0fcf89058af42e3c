import { RequestContext } from "@hamafza/common";
import { Agency } from "./entities/Agency";
import { FacilitationOffice, FacilitationOfficeOperator } from "./entities/FacilitationOffice";
import { InformalSettlementArea } from "./entities/InformalSettlementArea";
import { NgoHouse, NgoHouseMember } from "./entities/NgoHouse";
import { NgoNetwork, NgoNetworkMember } from "./entities/NgoNetwork";
import { agencyById, areaById, ngoHouseById } from "./organisationLoaders";
import { AgencyResolver } from "./resolvers/agency";
import { CountyAreasResolver, InformalSettlementAreaResolver } from "./resolvers/area";
import { FacilitationOfficeResolver, FacilitationOfficesOfNgoResolver } from "./resolvers/facilitationOffice";
import { NgoHouseMembershipResolver, NgoHouseResolver, NgoHousesOfNgoResolver } from "./resolvers/ngoHouse";
import { NgoNetworkResolver, NgoNetworksOfNgoResolver } from "./resolvers/network";

/** Organisations and places of the registry: agencies, areas, NGO houses, networks, facilitation offices. */
export const organisationEntities = [
  Agency,
  InformalSettlementArea,
  NgoHouse,
  NgoHouseMember,
  NgoNetwork,
  NgoNetworkMember,
  FacilitationOffice,
  FacilitationOfficeOperator,
];

export const organisationResolvers = [
  AgencyResolver,
  InformalSettlementAreaResolver,
  CountyAreasResolver,
  NgoHouseResolver,
  NgoHouseMembershipResolver,
  NgoHousesOfNgoResolver,
  NgoNetworkResolver,
  NgoNetworksOfNgoResolver,
  FacilitationOfficeResolver,
  FacilitationOfficesOfNgoResolver,
] as const;

/**
 * Federation entities, each resolved in one territory-scoped batch per request: `Agency`, and `NgoHouse` and
 * `InformalSettlementArea` (which engagement's meetings, working groups and projects name, checked at write time).
 */
export const organisationReferenceResolvers = {
  Agency: { __resolveReference: (ref: { id: string }, ctx: RequestContext) => agencyById(ctx).load(ref.id) },
  NgoHouse: { __resolveReference: (ref: { id: string }, ctx: RequestContext) => ngoHouseById(ctx).load(ref.id) },
  InformalSettlementArea: {
    __resolveReference: (ref: { id: string }, ctx: RequestContext) => areaById(ctx).load(ref.id),
  },
};
