import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import {
  Allow,
  AppError,
  ErrorCode,
  inTransaction,
  isUuid,
  notFound,
  recordChange,
  RequestContext,
  requireUser,
  Role,
} from "@hamafza/common";
import { Meeting } from "../entities/Meeting";
import { MeetingAttendance } from "../entities/MeetingAttendance";
import { assertCanReply, checkedReply } from "./meetingReplyRules";

/** NGO representatives reply to the meeting invitations of their NGO (docs/self-service.md). */
@Resolver(() => MeetingAttendance)
export class MeetingReplyResolver {
  @Allow(Role.NGO_REPRESENTATIVE)
  @Mutation(() => MeetingAttendance, {
    description:
      "An NGO representative replies to its NGO's invitation to a planned meeting that has not started: attending (with the attendee's name, which becomes the NGO's representative at the meeting) or not attending. May be replied again until the meeting starts.",
  })
  replyToMeetingInvitation(
    @Ctx() ctx: RequestContext,
    @Arg("meetingId", () => ID, { description: "The meeting its NGO is invited to." }) meetingId: string,
    @Arg("attending", { description: "Whether the NGO will attend." }) attending: boolean,
    @Arg("attendeeName", () => String, {
      nullable: true,
      description: "Who will attend for the NGO (2–100 characters); required when attending.",
    })
    attendeeName: string | null,
  ): Promise<MeetingAttendance> {
    return inTransaction(ctx.db, {}, async (em) => {
      const user = requireUser(ctx);
      if (!user.boundId) throw new AppError(ErrorCode.FORBIDDEN, "سمنی که نماینده آن هستید در سامانه نیست.");
      const row = isUuid(meetingId)
        ? await em.findOne(MeetingAttendance, {
            where: { meetingId, ngoId: user.boundId },
            lock: { mode: "pessimistic_write" },
          })
        : null;
      if (!row) throw notFound("دعوت به نشست", meetingId);
      const meeting = (await em.findOneBy(Meeting, { id: row.meetingId }))!;
      assertCanReply(meeting.status, meeting.scheduledAt);
      const before = { ...row, provinceId: meeting.provinceId, countyId: meeting.countyId };
      const reply = checkedReply(attending, attendeeName);
      Object.assign(row, reply, { repliedAt: new Date() });
      if (reply.replyName) row.representativeName = reply.replyName;
      const saved = await em.save(row);
      await recordChange(em, ctx, "replyToMeetingInvitation", "MeetingAttendance", {
        before,
        after: { ...saved, provinceId: meeting.provinceId, countyId: meeting.countyId },
      });
      return Object.assign(saved, { meeting });
    });
  }
}
