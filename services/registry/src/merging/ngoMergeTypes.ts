import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";

/** What a merge event tells the services that hold NGO ids (docs/merging.md). */
export enum NgoMergeEventKind {
  MERGE = "MERGE",
  UNDO = "UNDO",
}
registerEnumType(NgoMergeEventKind, {
  name: "NgoMergeEventKind",
  description: "A merge of two NGO records, or its undoing.",
  valuesConfig: {
    MERGE: { description: "The merged NGO became an alias of the survivor: its references now mean the survivor." },
    UNDO: { description: "The merge was undone: the references moved by it go back to the merged NGO." },
  },
});

@ObjectType({ description: "A merge of a duplicate NGO record into the surviving one (ادغام سمن تکراری)." })
export class NgoMerge {
  @Field(() => ID, { description: "Identifier of the merge (UUID)." })
  id!: string;

  @Field(() => ID, { description: "The NGO merged away: now an alias (status MERGED) that resolves to the survivor." })
  mergedId!: string;

  @Field({ description: "The merged NGO's name at the time of the merge." })
  mergedName!: string;

  @Field(() => ID, { description: "The surviving NGO record." })
  survivorId!: string;

  @Field({ description: "The surviving NGO's name." })
  survivorName!: string;

  @Field({ description: "Why the two records are the same NGO, as typed." })
  reason!: string;

  @Field({ description: "When it was merged." })
  mergedAt!: Date;

  @Field(() => String, { nullable: true, description: "Username of whoever merged." })
  mergedBy!: string | null;

  @Field(() => Date, { nullable: true, description: "When an administrator undid it; empty while in effect." })
  undoneAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Username of the administrator who undid it." })
  undoneBy!: string | null;

  @Field(() => String, { nullable: true, description: "Why it was undone, as typed." })
  undoReason!: string | null;

  @Field({
    description:
      "Whether the engagement service has applied this merge (or its undoing) to its records; false when it could not be reached — `syncNgoMerges` catches up.",
  })
  engagementSynced!: boolean;
}

@ObjectType({ description: "A candidate pair that a user judged not to be the same NGO; it is not proposed again." })
export class NgoDuplicateDismissal {
  @Field(() => ID, { description: "The NGO of the pair with the smaller id." })
  firstId!: string;

  @Field(() => ID, { description: "The other NGO of the pair." })
  secondId!: string;

  @Field({ description: "Why they are different NGOs, as typed." })
  reason!: string;

  @Field(() => String, { nullable: true, description: "Username of whoever dismissed the pair." })
  dismissedBy!: string | null;

  @Field({ description: "When the pair was dismissed." })
  dismissedAt!: Date;
}

@ObjectType({
  description:
    "One merge or undo, in the order they happened: how the services that hold NGO ids (engagement) follow merges without reading the registry's tables.",
})
export class NgoMergeEvent {
  @Field(() => Int, { description: "Position in the order of events (increasing)." })
  sequence!: number;

  @Field(() => ID, { description: "The merge." })
  mergeId!: string;

  @Field(() => NgoMergeEventKind, { description: "A merge or its undoing." })
  kind!: NgoMergeEventKind;

  @Field(() => ID, { description: "The merged NGO." })
  mergedId!: string;

  @Field(() => ID, { description: "The surviving NGO." })
  survivorId!: string;
}
