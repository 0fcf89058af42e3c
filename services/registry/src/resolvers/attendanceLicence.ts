import { Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from "type-graphql";
import { DateScalar, isUuid, RequestContext } from "@hamafza/common";
import { LicenceState } from "../entities/Licence";
import { licenceStateOnLoader } from "./licence";

/**
 * The engagement service's `MeetingAttendance` entity (an NGO's attendance at a meeting), extended by the registry
 * with the state of the NGO's licence on the meeting day: `@requires(fields: "ngoId meetingDate")` makes the gateway
 * fetch the NGO and the day from engagement first, so neither service calls the other. An attendance of an NGO whose
 * licence was expired, suspended, revoked or missing that day is recorded by engagement and flagged here.
 */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "An NGO's attendance at a meeting, owned by the engagement service; the registry adds the NGO's licence state on the meeting day.",
})
export class MeetingAttendance {
  @Field(() => ID, { description: "Identifier of the attendance row (engagement)." })
  id!: string;

  @Directive("@external")
  @Field(() => ID, { description: "The attending NGO (engagement)." })
  ngoId!: string;

  @Directive("@external")
  @Field(() => DateScalar, { description: "The meeting's calendar day on Tehran's clock (engagement)." })
  meetingDate!: string;
}

/** States in which attending counts as attending without a valid licence. */
const FLAGGED_STATES = new Set([LicenceState.EXPIRED, LicenceState.SUSPENDED, LicenceState.REVOKED, LicenceState.NONE]);

@Resolver(() => MeetingAttendance)
export class MeetingAttendanceLicenceResolver {
  @Directive('@requires(fields: "ngoId meetingDate")')
  @FieldResolver(() => LicenceState, {
    nullable: true,
    description:
      "State of the NGO's licence on the meeting day, from the licence history (registry); empty when the NGO is outside your territory.",
  })
  licenceStateOnMeetingDate(
    @Root() attendance: MeetingAttendance,
    @Ctx() ctx: RequestContext,
  ): Promise<LicenceState | null> | null {
    if (!attendance.meetingDate || !isUuid(attendance.ngoId)) return null;
    return licenceStateOnLoader(ctx)
      .load(`${attendance.ngoId}|${attendance.meetingDate}`)
      .then((row) => row?.state ?? null);
  }

  @Directive('@requires(fields: "ngoId meetingDate")')
  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      "Whether the NGO attended without a valid licence: expired, suspended, revoked or none on the meeting day (registry). Such attendance is kept but flagged.",
  })
  licenceFlagged(@Root() attendance: MeetingAttendance, @Ctx() ctx: RequestContext): Promise<boolean | null> | null {
    const state = this.licenceStateOnMeetingDate(attendance, ctx);
    return state === null ? null : state.then((known) => (known === null ? null : FLAGGED_STATES.has(known)));
  }
}
