import { Field, ID, InputType } from "type-graphql";
import { AreaKind } from "../entities/InformalSettlementArea";

@InputType({ description: "Narrow a coverage list of counties; all given conditions must hold." })
export class CountyCoverageFilter {
  @Field(() => ID, { nullable: true, description: "Only counties of this province." })
  provinceId?: string;
}

@InputType({ description: "Narrow a coverage list of informal-settlement areas; all given conditions must hold." })
export class AreaCoverageFilter {
  @Field(() => ID, { nullable: true, description: "Only areas of this province." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only areas of this county." })
  countyId?: string;

  @Field(() => AreaKind, { nullable: true, description: "Only areas of this kind." })
  kind?: AreaKind;
}
