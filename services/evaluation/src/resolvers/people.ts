import { FieldResolver, Resolver, Root } from "type-graphql";
import { Person } from "@hamafza/common";
import { EvaluationAdjustment, EvaluationRun } from "../entities/Run";

/**
 * Who ran a run and who adjusted a score, as people (identity resolves the name, role and territory by username,
 * one batch per answer); the stored usernames stay as they are, so every old run and adjustment has its person.
 */
@Resolver(() => EvaluationRun)
export class RunPersonResolver {
  @FieldResolver(() => Person, {
    nullable: true,
    description:
      "Who ran it: name, role and territory; empty if the user no longer exists (`computedBy` keeps the username).",
  })
  computedByPerson(@Root() run: EvaluationRun): Person {
    return { username: run.computedBy };
  }
}

@Resolver(() => EvaluationAdjustment)
export class AdjustmentPersonResolver {
  @FieldResolver(() => Person, {
    nullable: true,
    description:
      "Who adjusted: name, role and territory; empty if the user no longer exists (`adjustedBy` keeps the username).",
  })
  adjustedByPerson(@Root() adjustment: EvaluationAdjustment): Person {
    return { username: adjustment.adjustedBy };
  }
}
