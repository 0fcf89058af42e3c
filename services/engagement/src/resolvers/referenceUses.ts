import { Allow, isUuid, OFFICERS, RequestContext } from "@hamafza/common";
import { Arg, Ctx, Field, ID, Int, ObjectType, Query, registerEnumType, Resolver } from "type-graphql";
import { describeUses, ReferencedType, referenceUsesSql, REFERENCE_USES } from "../rules/referenceUses";

/** GraphQL names in UPPER_SNAKE (the schema's convention); the values are the registry's type names. */
enum ReferencedKind {
  NGO = "Ngo",
  MANAGER = "Manager",
  AGENCY = "Agency",
  NGO_HOUSE = "NgoHouse",
  INFORMAL_SETTLEMENT_AREA = "InformalSettlementArea",
  PRIORITY_NEED = "PriorityNeed",
}
registerEnumType(ReferencedKind, {
  name: "ReferencedKind",
  description: "A kind of registry record that engagement records may name.",
  valuesConfig: {
    NGO: { description: "An NGO (attendance, proposals, demands, working groups, project partners)." },
    MANAGER: { description: "A manager (meeting chair or official, resolution owner, working group chair)." },
    AGENCY: { description: "An agency (organiser, official's agency, owner, addressee, member)." },
    NGO_HOUSE: { description: "An NGO House (meeting venue, working group's parent)." },
    INFORMAL_SETTLEMENT_AREA: { description: "An informal-settlement area (projects)." },
    PRIORITY_NEED: { description: "A priority need of a needs assessment (projects made from it)." },
  },
});

@ObjectType({ description: "How many engagement records name one registry record, and what they are (in Persian)." })
class ReferenceUse {
  @Field(() => ID, { description: "The registry record's id." })
  id!: string;

  @Field(() => Int, { description: "Engagement records naming it, of every kind." })
  count!: number;

  @Field({ description: "What names it, in Persian, e.g. «۳ حضور در نشست، ۱ طرح»." })
  summary!: string;
}

/**
 * The registry asks this before it deletes an NGO, manager, agency, NGO House or area: a record still named by
 * engagement records is not deleted (CONFLICT), so nothing is left dangling (docs/references.md). Counts cover
 * every territory — a Zanjan NGO that attended an Isfahan meeting is still in use.
 */
@Resolver()
export class ReferenceUseResolver {
  @Allow(OFFICERS)
  @Query(() => [ReferenceUse], {
    description:
      "Engagement records that name the given registry records (only ids in use are listed). Asked by the registry before a deletion; officers and administrators.",
  })
  async engagementReferenceUses(
    @Ctx() ctx: RequestContext,
    @Arg("kind", () => ReferencedKind, { description: "The kind of the records." }) kind: ReferencedKind,
    @Arg("ids", () => [ID], { description: "Their ids (UUIDs; at most 1,000)." }) ids: string[],
  ): Promise<ReferenceUse[]> {
    const type = kind as ReferencedType;
    const uuids = ids.filter(isUuid).slice(0, 1000);
    if (!uuids.length || !REFERENCE_USES[type]) return [];
    const rows: { id: string; use: number; n: number }[] = await ctx.db.query(referenceUsesSql(type), [uuids]);
    const byId = new Map<string, { use: number; n: number }[]>();
    for (const row of rows) byId.set(row.id, [...(byId.get(row.id) ?? []), { use: row.use, n: row.n }]);
    return [...byId].map(([id, counts]) => ({
      id,
      count: counts.reduce((sum, c) => sum + c.n, 0),
      summary: describeUses(type, counts),
    }));
  }
}
