import { FieldResolver, Float, Resolver, Root } from "type-graphql";
import { IndicatorResult } from "../entities/Run";

/**
 * Applicability of an indicator result: stored by rules version 2; results of version 1 runs (which must stay
 * byte-equal to what was stored) lack the keys and read as applicable with their rubric weight.
 */
@Resolver(() => IndicatorResult)
export class IndicatorResultResolver {
  @FieldResolver(() => Boolean, {
    description:
      "Whether the indicator applies to the manager. Not applicable (rules version 2): it had no occasion (0 of 0), scores nothing, and its weight was spread over the applicable indicators (`appliedWeight`). Always true for runs of rules version 1.",
  })
  applicable(@Root() indicator: IndicatorResult): boolean {
    return indicator.applicable ?? true;
  }

  @FieldResolver(() => Float, {
    description:
      "The weight applied to the score: the rubric weight, or under rules version 2 that weight scaled up by the weight of the not-applicable indicators (0 for those).",
  })
  appliedWeight(@Root() indicator: IndicatorResult): number {
    return indicator.appliedWeight ?? indicator.weight;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Why the indicator does not apply (Persian); empty when it applies.",
  })
  notApplicableReason(@Root() indicator: IndicatorResult): string | null {
    return indicator.notApplicableReason ?? null;
  }
}
