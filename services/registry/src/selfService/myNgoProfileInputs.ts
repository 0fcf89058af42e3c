import { InputType } from "type-graphql";
import { NgoContactAndListChanges } from "../resolvers/ngoInputs";

@InputType({
  description:
    "What an NGO's representative changes directly on their own NGO (its unregulated fields); omitted fields keep their value, `null` clears, a given list replaces the NGO's list. Regulated fields go through `requestNgoChange`.",
})
export class MyNgoProfileInput extends NgoContactAndListChanges() {}
