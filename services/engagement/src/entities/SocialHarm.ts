import { CatalogueEntry } from "@hamafza/common";
import { Directive, ObjectType } from "type-graphql";
import { Entity } from "typeorm";

/**
 * A national social harm (آسیب اجتماعی): a catalogue the engagement service owns and administrators manage (seed 004:
 * «۲۰ آسیب اجتماعی در کشور شناسایی شده است»). Agenda items name the harm they address.
 */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A social harm (آسیب اجتماعی) of the national catalogue, e.g. addiction, divorce, child labour, marginalisation; agenda items address them.",
})
@Entity({ name: "social_harm" })
export class SocialHarm extends CatalogueEntry("social_harm", {
  id: "Hamafza's identifier of the harm (UUID; fixed for the seeded harms).",
  code: "Stable code in UPPER_SNAKE, e.g. `ADDICTION`; used by imports and analysts' scripts.",
  name: "Persian name, e.g. «اعتیاد».",
  description: "What the harm covers.",
  active: "Whether the harm can still be chosen for new agenda items (retired harms stay on old items).",
}) {}
