import { checkPageBounds, PageArgs, RequestContext, requireUser, tehranToday, whereInTerritory } from "@hamafza/common";
import { NgoActivityReport } from "../entities/NgoActivityReport";
import { Ngo } from "../entities/Ngo";
import { MissingActivityReportPage } from "./activityReportInputs";
import { isActivityReportOverdue } from "./activityReportRules";

/**
 * Active NGOs of the user's territory with a licence and no report for `year` (a returned report counts as
 * submitted: the NGO is correcting it), by name; one statement for the page and one for the count.
 */
export async function missingActivityReports(
  ctx: RequestContext,
  args: { year: number; provinceId: string | null; countyId: string | null },
  page: PageArgs,
): Promise<MissingActivityReportPage> {
  const query = whereInTerritory(ctx.db.getRepository(Ngo).createQueryBuilder("ngo"), requireUser(ctx), {
    province: "ngo.provinceId",
    county: "ngo.countyId",
  })
    .andWhere("ngo.status = 'ACTIVE'")
    .andWhere("EXISTS (SELECT 1 FROM licence l WHERE l.ngo_id = ngo.id)")
    .andWhere("NOT EXISTS (SELECT 1 FROM ngo_activity_report r WHERE r.ngo_id = ngo.id AND r.year = :year)", {
      year: args.year,
    });
  if (args.provinceId) query.andWhere("ngo.provinceId = :provinceId", { provinceId: args.provinceId });
  if (args.countyId) query.andWhere("ngo.countyId = :countyId", { countyId: args.countyId });
  const { offset, limit } = checkPageBounds(page);
  const [rows, totalCount] = await query
    .orderBy("ngo.nameNormalized", "ASC")
    .addOrderBy("ngo.id", "ASC")
    .skip(offset)
    .take(limit)
    .getManyAndCount();
  const overdue = isActivityReportOverdue(args.year, tehranToday());
  return {
    totalCount,
    items: rows.map((ngo) => ({ ngoId: ngo.id, ngoName: ngo.name, countyId: ngo.countyId, overdue })),
  };
}

/** The reports the user may see (their NGO's territory): lists, by id, and the attachments' download check. */
export function visibleReports(ctx: RequestContext) {
  return whereInTerritory(ctx.db.getRepository(NgoActivityReport).createQueryBuilder("report"), requireUser(ctx), {
    province: "report.provinceId",
    county: "report.countyId",
  });
}
