import {
  groupByKeys,
  RequestContext,
  requireUser,
  territoryCondition,
  uuidKeyedLoader,
  whereInTerritory,
} from "@hamafza/common";
import { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { Agency } from "./entities/Agency";
import { FacilitationOffice, FacilitationOfficeOperator } from "./entities/FacilitationOffice";
import { InformalSettlementArea } from "./entities/InformalSettlementArea";
import { Manager } from "./entities/Manager";
import { NgoHouse, NgoHouseMember } from "./entities/NgoHouse";
import { Ngo } from "./entities/Ngo";
import { NgoNetwork, NgoNetworkMember } from "./entities/NgoNetwork";
import { byUuidLoader } from "./loaders";

/**
 * Request-scoped DataLoaders of the organisations and places (agencies, managers, areas, NGO houses, networks,
 * facilitation offices): one SQL statement per batch, always limited to the user's territory in SQL, so a row
 * outside it is absent from nested lists and answers null by id, exactly as in the root lists.
 */

type Territorial = ObjectLiteral & { id: string };

/**
 * What invited users read of agencies: a respondent its own agency; an NGO representative the agencies of its NGO's
 * province (names and kinds only — no personal data), to address demands and proposals to (docs/self-service.md).
 */
export const agencyBoundColumns = (alias: string) => ({
  agency: `"${alias}".id`,
  ngo: `EXISTS (SELECT 1 FROM ngo bound_ngo WHERE bound_ngo.id = :bound AND bound_ngo.province_id = "${alias}".province_id)`,
});

export const agencyById = (ctx: RequestContext) => byUuidLoader(ctx, Agency, agencyBoundColumns("row"));
export const areaById = (ctx: RequestContext) => byUuidLoader(ctx, InformalSettlementArea);
export const ngoHouseById = (ctx: RequestContext) => byUuidLoader(ctx, NgoHouse);
export const ngoNetworkById = (ctx: RequestContext) => byUuidLoader(ctx, NgoNetwork);
export const facilitationOfficeById = (ctx: RequestContext) => byUuidLoader(ctx, FacilitationOffice);

/** Rows of `entity` grouped by a UUID column (`managersByAgency` …), within the user's territory. */
function scopedByUuidColumn<T extends Territorial>(
  ctx: RequestContext,
  entity: new () => T,
  column: keyof T & string,
  order: (query: SelectQueryBuilder<T>) => SelectQueryBuilder<T>,
) {
  return uuidKeyedLoader<T[]>(
    ctx,
    `${entity.name}By:${column}`,
    async (keys) => {
      const query = ctx.db
        .getRepository(entity)
        .createQueryBuilder("row")
        .where(`row.${column} IN (:...keys)`, { keys });
      whereInTerritory(query, requireUser(ctx), { province: "row.provinceId", county: "row.countyId" });
      return groupByKeys(keys, await order(query).getMany(), (row) => row[column] as string);
    },
    [],
  );
}

export const managersByAgency = (ctx: RequestContext) =>
  scopedByUuidColumn(ctx, Manager, "agencyId", (q) => q.orderBy("row.tenureStart", "DESC").addOrderBy("row.id"));
export const officesByArea = (ctx: RequestContext) =>
  scopedByUuidColumn(ctx, FacilitationOffice, "areaId", (q) => q.orderBy("row.nameNormalized").addOrderBy("row.id"));
export const officesByPartnerAgency = (ctx: RequestContext) =>
  scopedByUuidColumn(ctx, FacilitationOffice, "partnerAgencyId", (q) =>
    q.orderBy("row.nameNormalized").addOrderBy("row.id"),
  );
export const networksCoordinatedBy = (ctx: RequestContext) =>
  scopedByUuidColumn(ctx, NgoNetwork, "coordinatorNgoId", (q) => q.orderBy("row.nameNormalized").addOrderBy("row.id"));

/** Areas of counties (county codes are not UUIDs), within the user's territory. */
export const areasByCounty = (ctx: RequestContext) =>
  ctx.loaders.get<string, InformalSettlementArea[]>("InformalSettlementAreaByCounty", async (countyIds) => {
    const query = ctx.db
      .getRepository(InformalSettlementArea)
      .createQueryBuilder("row")
      .where("row.countyId IN (:...countyIds)", { countyIds: [...countyIds] })
      .orderBy("row.nameNormalized")
      .addOrderBy("row.id");
    whereInTerritory(query, requireUser(ctx), { province: "row.provinceId", county: "row.countyId" });
    return groupByKeys(countyIds, await query.getMany(), (row) => row.countyId);
  });

/** The NGO side of a membership table must be visible too: the NGO's own territory, in SQL. */
function whereNgoVisible<Q extends SelectQueryBuilder<ObjectLiteral>>(ctx: RequestContext, query: Q): Q {
  const scope = territoryCondition(
    requireUser(ctx),
    { province: "ngo.provinceId", county: "ngo.countyId" },
    "ngoScope",
  );
  return (scope ? query.andWhere(scope.sql, scope.params) : query) as Q;
}

/** Memberships of houses (with the joining day), only of NGOs the user may see, ordered by joining day. */
export const membershipsByHouse = (ctx: RequestContext) =>
  uuidKeyedLoader<NgoHouseMember[]>(
    ctx,
    "NgoHouseMemberByHouse",
    async (houseIds) => {
      const query = ctx.db
        .getRepository(NgoHouseMember)
        .createQueryBuilder("member")
        .innerJoin(Ngo, "ngo", "ngo.id = member.ngoId")
        .where("member.ngoHouseId IN (:...houseIds)", { houseIds })
        .orderBy("member.joinedOn", "ASC", "NULLS LAST")
        .addOrderBy("ngo.nameNormalized");
      return groupByKeys(houseIds, await whereNgoVisible(ctx, query).getMany(), (row) => row.ngoHouseId);
    },
    [],
  );

/** Ids of the member NGOs of networks, only of NGOs the user may see. */
export const memberIdsByNetwork = (ctx: RequestContext) =>
  uuidKeyedLoader<string[]>(
    ctx,
    "NgoNetworkMemberByNetwork",
    async (networkIds) => {
      const query = ctx.db
        .getRepository(NgoNetworkMember)
        .createQueryBuilder("member")
        .innerJoin(Ngo, "ngo", "ngo.id = member.ngoId")
        .where("member.ngoNetworkId IN (:...networkIds)", { networkIds })
        .orderBy("ngo.nameNormalized");
      const rows = await whereNgoVisible(ctx, query).getMany();
      return groupByKeys(networkIds, rows, (row) => row.ngoNetworkId).map((group) => group.map((row) => row.ngoId));
    },
    [],
  );

/** Ids of the NGOs running offices, only of NGOs the user may see. */
export const operatorIdsByOffice = (ctx: RequestContext) =>
  uuidKeyedLoader<string[]>(
    ctx,
    "FacilitationOfficeOperatorByOffice",
    async (officeIds) => {
      const query = ctx.db
        .getRepository(FacilitationOfficeOperator)
        .createQueryBuilder("operator")
        .innerJoin(Ngo, "ngo", "ngo.id = operator.ngoId")
        .where("operator.facilitationOfficeId IN (:...officeIds)", { officeIds })
        .orderBy("ngo.nameNormalized");
      const rows = await whereNgoVisible(ctx, query).getMany();
      return groupByKeys(officeIds, rows, (row) => row.facilitationOfficeId).map((group) =>
        group.map((row) => row.ngoId),
      );
    },
    [],
  );

/** Territorial rows reached through a membership table from an NGO (`Ngo.ngoHouses` …), within the user's territory. */
function scopedThroughMembership<T extends Territorial>(
  ctx: RequestContext,
  entity: new () => T,
  link: new () => { ngoId: string },
  ownerProperty: string,
) {
  return uuidKeyedLoader<T[]>(
    ctx,
    `${entity.name}ByMemberNgo`,
    async (ngoIds) => {
      const query = ctx.db
        .getRepository(entity)
        .createQueryBuilder("row")
        .innerJoin(link, "link", `link.${ownerProperty} = row.id`)
        .addSelect("link.ngoId", "link_ngo_id")
        .where("link.ngoId IN (:...ngoIds)", { ngoIds })
        .orderBy("row.nameNormalized")
        .addOrderBy("row.id");
      whereInTerritory(query, requireUser(ctx), { province: "row.provinceId", county: "row.countyId" });
      const { entities, raw } = await query.getRawAndEntities();
      // One entity per (row, member NGO) pair: getRawAndEntities keeps raw rows in the entities' order.
      const byId = new Map(entities.map((entity) => [entity.id, entity]));
      const pairs = raw.map((r: Record<string, string>) => ({ ngoId: r.link_ngo_id, row: byId.get(r.row_id)! }));
      return groupByKeys(ngoIds, pairs, (pair) => pair.ngoId).map((group) => group.map((pair) => pair.row));
    },
    [],
  );
}

export const housesByMemberNgo = (ctx: RequestContext) =>
  scopedThroughMembership(ctx, NgoHouse, NgoHouseMember, "ngoHouseId");
export const networksByMemberNgo = (ctx: RequestContext) =>
  scopedThroughMembership(ctx, NgoNetwork, NgoNetworkMember, "ngoNetworkId");
export const officesByOperatorNgo = (ctx: RequestContext) =>
  scopedThroughMembership(ctx, FacilitationOffice, FacilitationOfficeOperator, "facilitationOfficeId");
