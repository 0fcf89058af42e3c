import { randomUUID } from "node:crypto";
import {
  Allow,
  AppError,
  checkReferences,
  ErrorCode,
  IdempotencyKeyArg,
  idempotentCreate,
  InputArg,
  inTransaction,
  OFFICERS,
  RequestContext,
} from "@hamafza/common";
import { Ctx, Field, ID, Mutation, ObjectType, Resolver } from "type-graphql";
import { Meeting, MeetingKind } from "../entities/Meeting";
import { meetingReferences } from "../rules/references";
import { QUARTERLY_SERIES_LENGTH, quarterlyOccurrences } from "../rules/quarterlySeries";
import { MeetingCreateInput } from "./meetingInputs";
import { insertMeeting, MEETING_CONSTRAINTS } from "./meetingRules";

@ObjectType({ description: "A quarterly series of planned meetings, made in one step." })
export class MeetingSeries {
  @Field(() => ID, { description: "The series' id (each meeting's `seriesId`)." })
  id!: string;

  @Field(() => [Meeting], { description: "The planned meetings, in date order." })
  meetings!: Meeting[];
}

/** Recurring quarterly problem-centred meetings: plan this quarter's and the next three in one step. */
@Resolver()
export class MeetingSeriesResolver {
  @Allow(OFFICERS)
  @Mutation(() => MeetingSeries, {
    description: `Plan a recurring quarterly problem-centred meeting: ${QUARTERLY_SERIES_LENGTH} planned meetings in all — at \`input.scheduledAt\` and on the same Jalali day (the month's last day where shorter) and Tehran time of each of the next ${QUARTERLY_SERIES_LENGTH - 1} quarters — with the same details, in one transaction and one series. Only kind QUARTERLY_PROBLEM_CENTRED; territory and checks as createMeeting. A retry with the same idempotencyKey returns the same series.`,
  })
  async scheduleQuarterlyMeetings(
    @Ctx() ctx: RequestContext,
    @InputArg(MeetingCreateInput) input: MeetingCreateInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<MeetingSeries> {
    if (input.kind !== MeetingKind.QUARTERLY_PROBLEM_CENTRED)
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        "فقط نشست فصلی مسئله‌محور را می‌توان برای چند فصل برنامه‌ریزی کرد.",
        {
          fields: [{ field: "kind", message: "نوع نشست باید «نشست فصلی مسئله‌محور» باشد." }],
        },
      );
    await checkReferences(ctx, meetingReferences(input));
    return inTransaction(ctx.db, MEETING_CONSTRAINTS, (em) =>
      idempotentCreate(
        em,
        ctx,
        "scheduleQuarterlyMeetings",
        idempotencyKey,
        input,
        async () => {
          const seriesId = randomUUID();
          const meetings: Meeting[] = [];
          for (const scheduledAt of quarterlyOccurrences(new Date(input.scheduledAt)))
            meetings.push(await insertMeeting(em, ctx, input, { scheduledAt, seriesId }));
          return { id: seriesId, meetings };
        },
        async (id) => {
          const meetings = await em.find(Meeting, { where: { seriesId: id }, order: { scheduledAt: "ASC" } });
          return meetings.length ? { id, meetings } : null;
        },
      ),
    );
  }
}
