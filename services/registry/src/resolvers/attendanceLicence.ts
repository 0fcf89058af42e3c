import { Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from "type-graphql";
import { DateScalar, isUuid, RequestContext, requireUser, territoryCondition } from "@hamafza/common";
import { LicenceState } from "../entities/Licence";
import { licenceStateParams, namedQuery } from "./licenceState";

/**
 * The engagement service's `MeetingAttendance` entity (an NGO's attendance at a meeting), extended by the registry
 * with the state of the NGO's licence on the meeting day: `@requires(fields: "ngoId meetingDate")` makes the gateway
 * fetch the NGO and the day from engagement first, so neither service calls the other. An attendance of an NGO whose
 * licence was expired, suspended, revoked or missing that day is recorded by engagement and flagged here.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: "An NGO's attendance at a meeting, owned by the engagement service; the registry adds the NGO's licence state on the meeting day." })
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
    description: "State of the NGO's licence on the meeting day, from the licence history (registry); empty when the NGO is outside your territory.",
  })
  licenceStateOnMeetingDate(@Root() attendance: MeetingAttendance, @Ctx() ctx: RequestContext): Promise<LicenceState | null> | null {
    if (!attendance.meetingDate || !isUuid(attendance.ngoId)) return null;
    return attendanceLicenceState(ctx).load(`${attendance.ngoId}|${attendance.meetingDate}`);
  }

  @Directive('@requires(fields: "ngoId meetingDate")')
  @FieldResolver(() => Boolean, {
    nullable: true,
    description: "Whether the NGO attended without a valid licence: expired, suspended, revoked or none on the meeting day (registry). Such attendance is kept but flagged.",
  })
  async licenceFlagged(@Root() attendance: MeetingAttendance, @Ctx() ctx: RequestContext): Promise<boolean | null> {
    const state = await this.licenceStateOnMeetingDate(attendance, ctx);
    return state === null ? null : FLAGGED_STATES.has(state);
  }
}

/**
 * Licence states of many (NGO, day) pairs, one statement per distinct day, in the user's territory (null outside it).
 * The same rule as `licenceStatesOn` in licence.ts: the licence current that day (latest issued by then) and its
 * last history step by then.
 */
function attendanceLicenceState(ctx: RequestContext) {
  return ctx.loaders.get<string, LicenceState | null>("attendanceLicenceState", async (keys) => {
    const byDate = new Map<string, string[]>();
    for (const key of keys) {
      const [ngoId, date] = key.split("|");
      byDate.set(date, [...(byDate.get(date) ?? []), ngoId]);
    }
    const found = new Map<string, LicenceState>();
    const scope = territoryCondition(requireUser(ctx), { province: "n.province_id", county: "n.county_id" });
    for (const [date, ngoIds] of byDate) {
      const rows = await namedQuery<{ ngo_id: string; state: LicenceState }>(
        ctx.db,
        `SELECT x.ngo_id,
                coalesce((SELECT licence_state(e.status, e.suspended_until, e.expires_on, CAST(:licenceToday AS date), CAST(:licenceWindow AS integer))
                            FROM licence_event e
                           WHERE e.licence_id = x.licence_id AND e.effective_on <= CAST(:licenceToday AS date)
                           ORDER BY e.effective_on DESC, e.seq DESC LIMIT 1), 'NONE') AS state
           FROM (SELECT n.id AS ngo_id,
                        (SELECT l.id FROM licence l WHERE l.ngo_id = n.id AND l.issued_on <= CAST(:licenceToday AS date)
                          ORDER BY l.issued_on DESC, l.created_at DESC LIMIT 1) AS licence_id
                   FROM ngo n
                  WHERE n.id IN (:...ngoIds) ${scope ? `AND ${scope.sql}` : ""}) x`,
        { ...licenceStateParams(date), ngoIds: [...new Set(ngoIds)], ...(scope?.params ?? {}) },
      );
      for (const row of rows) found.set(`${row.ngo_id}|${date}`, row.state);
    }
    return keys.map((key) => found.get(key) ?? null);
  });
}
