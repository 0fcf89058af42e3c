import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar } from "@hamafza/common";

/** What happened to an NGO demand or proposal on a day: its dated history (docs/self-service.md, "Agencies answer"). */
export enum RequestActionKind {
  SUBMITTED = "SUBMITTED",
  UNDER_REVIEW = "UNDER_REVIEW",
  ACCEPTED = "ACCEPTED",
  REJECTED = "REJECTED",
}
registerEnumType(RequestActionKind, {
  name: "RequestActionKind",
  description: "A dated step of an NGO demand or proposal: submitted by the NGO, then the agency's review and answer.",
  valuesConfig: {
    SUBMITTED: { description: "Submitted by the NGO's representative in the system (ثبت توسط سمن)." },
    UNDER_REVIEW: { description: "The agency marked it under review (در حال بررسی)." },
    ACCEPTED: {
      description: "The agency answered and accepted it: a demand becomes RESOLVED, a proposal ACCEPTED (پذیرفته شد).",
    },
    REJECTED: { description: "The agency answered and rejected it, with the reason (رد شد)." },
  },
});

/** One dated step of a demand or proposal (append-only). */
@ObjectType({
  description:
    "A dated step of an NGO demand or proposal (history): who did what on which day, with the note or reason given.",
})
@Entity({ name: "request_action" })
export class RequestAction {
  @Field(() => ID, { description: "Identifier of the step (UUID)." })
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => ID, { nullable: true, description: "The demand, for a demand's step." })
  @Index()
  @Column({ type: "uuid", nullable: true })
  demandId!: string | null;

  @Field(() => ID, { nullable: true, description: "The proposal, for a proposal's step." })
  @Index()
  @Column({ type: "uuid", nullable: true })
  proposalId!: string | null;

  @Field(() => RequestActionKind, { description: "What was done." })
  @Column({ type: "varchar", length: 16 })
  kind!: RequestActionKind;

  @Field(() => DateScalar, { description: "Day it was done (Tehran); an answer's day is the response day." })
  @Column({ type: "date" })
  actedOn!: string;

  @Field(() => String, { nullable: true, description: "The answer, reason or note given, as typed." })
  @Column({ type: "text", nullable: true })
  note!: string | null;

  @Field({ description: "Role of who did it (e.g. AGENCY_RESPONDENT, NGO_REPRESENTATIVE, COUNTY_OFFICER)." })
  @Column({ type: "varchar", length: 32 })
  actorRole!: string;

  @Field(() => String, { nullable: true, description: "Username of who did it." })
  @Column({ type: "text", nullable: true })
  recordedBy!: string | null;

  @Field({ description: "When it was recorded (UTC)." })
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;
}
