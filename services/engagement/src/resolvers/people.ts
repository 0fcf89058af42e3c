import { FieldResolver, Resolver, Root } from "type-graphql";
import { Person, personOf as person } from "@hamafza/common";
import { ProjectUpdate } from "../entities/Project";
import { ResolutionUpdate } from "../entities/Resolution";

/**
 * Who recorded a progress update, as a person (identity resolves the name, role and territory by username, one
 * batch per answer); `recordedBy` keeps the username, so old and seeded updates still answer.
 */
@Resolver(() => ResolutionUpdate)
export class ResolutionUpdatePersonResolver {
  @FieldResolver(() => Person, {
    nullable: true,
    description: "Who recorded it: name, role and territory; empty if unknown or the user no longer exists.",
  })
  recordedByPerson(@Root() update: ResolutionUpdate): Person | null {
    return person(update.recordedBy);
  }
}

@Resolver(() => ProjectUpdate)
export class ProjectUpdatePersonResolver {
  @FieldResolver(() => Person, {
    nullable: true,
    description: "Who recorded it: name, role and territory; empty if unknown or the user no longer exists.",
  })
  recordedByPerson(@Root() update: ProjectUpdate): Person | null {
    return person(update.recordedBy);
  }
}
