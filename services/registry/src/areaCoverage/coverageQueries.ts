import { PageArgs, paginate, RequestContext, requireUser, SortOrder, whereInTerritory } from "@hamafza/common";
import { County } from "../entities/County";
import { InformalSettlementArea } from "../entities/InformalSettlementArea";
import { CountyPage } from "../resolvers/geography";
import { InformalSettlementAreaPage } from "../resolvers/area";
import { AreaCoverageFilter, CountyCoverageFilter } from "./coverageInputs";

/** An area "has a facilitation office" when at least one office is registered for it. */
const AREA_HAS_OFFICE = "EXISTS (SELECT 1 FROM facilitation_office o WHERE o.area_id = area.id)";

/**
 * An NGO "covers" an area when it runs one of the area's facilitation offices or took part in a needs assessment
 * of the area (docs/coverage.md).
 */
export const AREA_COVERED_BY_NGO = `(EXISTS (SELECT 1 FROM facilitation_office o JOIN facilitation_office_operator op ON op.facilitation_office_id = o.id WHERE o.area_id = area.id) OR EXISTS (SELECT 1 FROM needs_assessment a JOIN needs_assessment_ngo an ON an.assessment_id = a.id WHERE a.area_id = area.id))`;

const AREA_SORTABLE = {
  name: "area.nameNormalized",
  kind: "area.kind",
  countyId: "area.countyId",
  provinceId: "area.provinceId",
  estimatedPopulation: "area.estimatedPopulation",
};

const COUNTY_SORTABLE = { id: "county.id", name: "county.nameNormalized", provinceId: "county.provinceId" };

/** Counties of the user's territory with no facilitation office in any of their areas, by code. */
export function countiesWithoutOffice(
  ctx: RequestContext,
  filter: CountyCoverageFilter | undefined,
  page: PageArgs,
): Promise<CountyPage> {
  const query = whereInTerritory(ctx.db.getRepository(County).createQueryBuilder("county"), requireUser(ctx), {
    province: "county.provinceId",
    county: "county.id",
  }).andWhere("NOT EXISTS (SELECT 1 FROM facilitation_office o WHERE o.county_id = county.id)");
  if (filter?.provinceId) query.andWhere("county.provinceId = :provinceId", { provinceId: filter.provinceId });
  return paginate(query, page, COUNTY_SORTABLE, { field: "id", order: SortOrder.ASC });
}

/** Areas of the user's territory matching `gap` (no office, or no NGO covering them), by name. */
export function areasWithGap(
  ctx: RequestContext,
  gap: "office" | "ngo",
  filter: AreaCoverageFilter | undefined,
  page: PageArgs,
): Promise<InformalSettlementAreaPage> {
  const query = whereInTerritory(
    ctx.db.getRepository(InformalSettlementArea).createQueryBuilder("area"),
    requireUser(ctx),
    { province: "area.provinceId", county: "area.countyId" },
  ).andWhere(`NOT ${gap === "office" ? AREA_HAS_OFFICE : AREA_COVERED_BY_NGO}`);
  if (filter?.provinceId) query.andWhere("area.provinceId = :provinceId", { provinceId: filter.provinceId });
  if (filter?.countyId) query.andWhere("area.countyId = :countyId", { countyId: filter.countyId });
  if (filter?.kind) query.andWhere("area.kind = :kind", { kind: filter.kind });
  return paginate(query, page, AREA_SORTABLE, { field: "name", order: SortOrder.ASC });
}
