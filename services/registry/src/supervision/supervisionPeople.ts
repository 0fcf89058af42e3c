import { FieldResolver, Resolver, Root } from "type-graphql";
import { Person, personOf } from "@hamafza/common";
import { SupervisionRecord } from "./SupervisionRecord";

/**
 * Who recorded a supervision record, as a person (identity resolves the name, role and territory by username, one
 * batch per answer); `createdBy` keeps the username, so records of users since removed still answer.
 */
@Resolver(() => SupervisionRecord)
export class SupervisionRecordPersonResolver {
  @FieldResolver(() => Person, {
    nullable: true,
    description: "Who recorded it: name, role and territory; empty if unknown or the user no longer exists.",
  })
  createdByPerson(@Root() record: SupervisionRecord): Person | null {
    return personOf(record.createdBy);
  }
}
