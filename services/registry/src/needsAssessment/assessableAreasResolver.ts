import { Ctx, Query, Resolver } from "type-graphql";
import { Allow, RequestContext, requireUser, Role } from "@hamafza/common";
import { InformalSettlementArea } from "../entities/InformalSettlementArea";

/**
 * The areas a representative may file a needs assessment for (docs/coverage.md): those its NGO works in — the areas
 * of its county and those where it runs a facilitation office (the same rule as `createNeedsAssessment`,
 * `ngoWorksInArea`). Nothing else of the registry's areas is opened to representatives.
 */
@Resolver()
export class AssessableAreasResolver {
  @Allow([Role.NGO_REPRESENTATIVE])
  @Query(() => [InformalSettlementArea], {
    description:
      "An NGO representative: the informal-settlement areas their NGO works in (its county's, and those where it runs a facilitation office), by name — the areas they may file a needs assessment for.",
  })
  async myAssessableAreas(@Ctx() ctx: RequestContext): Promise<InformalSettlementArea[]> {
    const user = requireUser(ctx);
    if (!user.boundId) return [];
    return ctx.readDb
      .getRepository(InformalSettlementArea)
      .createQueryBuilder("area")
      .where(
        `area.county_id = (SELECT n.county_id FROM ngo n WHERE n.id = :ngoId)
         OR EXISTS (SELECT 1 FROM facilitation_office o JOIN facilitation_office_operator op
                      ON op.facilitation_office_id = o.id WHERE o.area_id = area.id AND op.ngo_id = :ngoId)`,
        { ngoId: user.boundId },
      )
      .orderBy("area.name_normalized", "ASC")
      .addOrderBy("area.id", "ASC")
      .limit(500)
      .getMany();
  }
}
