import { CatalogueEntry } from "@hamafza/common";
import { ObjectType } from "type-graphql";
import { Entity } from "typeorm";

/**
 * A demand category of the catalogue administrators manage (seed 004 names members' insurance, officials' support for
 * people with disabilities and for NGOs, infrastructure, official recognition, employment of the disabled).
 */
@ObjectType({
  description:
    "A category of NGO demands (دسته مطالبه), from the catalogue administrators manage; seeded with the kinds seed 004 names. Replaces the fixed `DemandCategory` enum, which stays as the nearest fixed value.",
})
@Entity({ name: "demand_topic" })
export class DemandTopic extends CatalogueEntry("demand_topic", {
  id: "Hamafza's identifier of the category (UUID; fixed for the seeded ones).",
  code: "Stable code in UPPER_SNAKE, e.g. `MEMBERS_INSURANCE`.",
  name: "Persian name, e.g. «بیمه اعضای سمن».",
  description: "What the category covers.",
  active: "Whether it can be chosen for new demands (retired categories stay on old demands).",
}) {}
