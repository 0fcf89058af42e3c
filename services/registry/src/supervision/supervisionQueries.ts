import { RequestContext, requireUser, TerritoryColumns, whereInTerritory } from "@hamafza/common";
import { EntityManager } from "typeorm";
import { SupervisionRecord } from "./SupervisionRecord";

/** Records take their NGO's territory; an NGO representative reads its own NGO's records. */
export const SUPERVISION_SCOPE: TerritoryColumns = {
  province: "record.provinceId",
  county: "record.countyId",
  ngo: "record.ngoId",
};

/** The supervision records the user may read (through `em` inside a transaction). */
export function visibleSupervisionRecords(ctx: RequestContext, em: EntityManager = ctx.db.manager) {
  return whereInTerritory(
    em.getRepository(SupervisionRecord).createQueryBuilder("record"),
    requireUser(ctx),
    SUPERVISION_SCOPE,
  );
}
