import { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { childPageLoader, FilterArg, PageArgs, RequestContext, SortOrder } from "@hamafza/common";
import { MeetingAttendance } from "../entities/MeetingAttendance";
import { Agency, County, Ngo, Province } from "../entities/references";
import { meetingListQuery } from "./meeting";
import { MeetingFilter, MeetingPage } from "./meetingInputs";
import { MEETING_SORTABLE } from "./meetingRules";
import { ResolutionFilter, ResolutionPage } from "./resolutionInputs";
import { resolutionQuery, RESOLUTION_SORTABLE } from "./resolutionRules";

/**
 * The navigable graph of engagement: meetings and resolutions of a province or county, resolutions an agency owns
 * and meetings an NGO attended, as pages. Each is the root list (`meetings`, `resolutions`) with the same
 * territory and filter, narrowed to the parent, loaded for every parent of a request in one SQL statement.
 * These fields cross services (the parent is the registry's), so they are nullable.
 */

const NEWEST_FIRST = { field: "scheduledAt", order: SortOrder.DESC };
const EARLIEST_DEADLINE = { field: "deadline", order: SortOrder.ASC };
const sortNote = (sortable: object) =>
  `Sortable by ${Object.keys(sortable)
    .map((f) => `\`${f}\``)
    .join(", ")}.`;
const MEETINGS_NOTE = `as the root \`meetings\` list, newest first; ${sortNote(MEETING_SORTABLE)} (engagement service)`;
const RESOLUTIONS_NOTE = `as the root \`resolutions\` list, earliest deadline first; ${sortNote(RESOLUTION_SORTABLE)} (engagement service)`;

function meetingPage(
  ctx: RequestContext,
  parentColumn: string,
  filter: MeetingFilter | undefined,
  page: PageArgs,
  info: GraphQLResolveInfo,
) {
  return childPageLoader(ctx, {
    name: `meetings:${parentColumn}`,
    build: () => meetingListQuery(ctx, filter),
    parentColumn,
    filter,
    page,
    info,
    sortable: MEETING_SORTABLE,
    defaultSort: NEWEST_FIRST,
  });
}

function resolutionPage(
  ctx: RequestContext,
  parentColumn: string,
  filter: ResolutionFilter | undefined,
  page: PageArgs,
  info: GraphQLResolveInfo,
) {
  return childPageLoader(ctx, {
    name: `resolutions:${parentColumn}`,
    build: () => resolutionQuery(ctx, filter),
    parentColumn,
    filter,
    page,
    info,
    sortable: RESOLUTION_SORTABLE,
    defaultSort: EARLIEST_DEADLINE,
  });
}

@Resolver(() => Province)
export class ProvinceRelationsResolver {
  @FieldResolver(() => MeetingPage, {
    nullable: true,
    description: `Meetings of the province (provincial and county meetings) in the user's territory, ${MEETINGS_NOTE}.`,
  })
  meetings(
    @Root() province: Province,
    @Ctx() ctx: RequestContext,
    @FilterArg(MeetingFilter) filter: MeetingFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<MeetingPage> {
    return meetingPage(ctx, "meeting.provinceId", filter, page, info).load(province.id);
  }

  @FieldResolver(() => ResolutionPage, {
    nullable: true,
    description: `Resolutions of the province's meetings in the user's territory, ${RESOLUTIONS_NOTE}.`,
  })
  resolutions(
    @Root() province: Province,
    @Ctx() ctx: RequestContext,
    @FilterArg(ResolutionFilter) filter: ResolutionFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ResolutionPage> {
    return resolutionPage(ctx, "resolution.provinceId", filter, page, info).load(province.id);
  }
}

@Resolver(() => County)
export class CountyRelationsResolver {
  @FieldResolver(() => MeetingPage, {
    nullable: true,
    description: `Meetings of the county in the user's territory, ${MEETINGS_NOTE}.`,
  })
  meetings(
    @Root() county: County,
    @Ctx() ctx: RequestContext,
    @FilterArg(MeetingFilter) filter: MeetingFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<MeetingPage> {
    return meetingPage(ctx, "meeting.countyId", filter, page, info).load(county.id);
  }

  @FieldResolver(() => ResolutionPage, {
    nullable: true,
    description: `Resolutions of the county's meetings in the user's territory, ${RESOLUTIONS_NOTE}.`,
  })
  resolutions(
    @Root() county: County,
    @Ctx() ctx: RequestContext,
    @FilterArg(ResolutionFilter) filter: ResolutionFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ResolutionPage> {
    return resolutionPage(ctx, "resolution.countyId", filter, page, info).load(county.id);
  }
}

@Resolver(() => Agency)
export class AgencyRelationsResolver {
  @FieldResolver(() => ResolutionPage, {
    nullable: true,
    description: `Resolutions the agency owns, in the user's territory, ${RESOLUTIONS_NOTE}. \`filter: { overdue: true }\` gives its overdue ones.`,
  })
  resolutions(
    @Root() agency: Agency,
    @Ctx() ctx: RequestContext,
    @FilterArg(ResolutionFilter) filter: ResolutionFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ResolutionPage> {
    return resolutionPage(ctx, "resolution.ownerAgencyId", filter, page, info).load(agency.id);
  }
}

@Resolver(() => Ngo)
export class NgoRelationsResolver {
  @FieldResolver(() => MeetingPage, {
    nullable: true,
    description: `Meetings the NGO attended (is on the attendance list of), in the user's territory, ${MEETINGS_NOTE}.`,
  })
  meetingsAttended(
    @Root() ngo: Ngo,
    @Ctx() ctx: RequestContext,
    @FilterArg(MeetingFilter) filter: MeetingFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<MeetingPage> {
    return childPageLoader(ctx, {
      name: "meetingsAttended",
      build: () =>
        meetingListQuery(ctx, filter).innerJoin(
          MeetingAttendance,
          "ngo_attendance",
          "ngo_attendance.meetingId = meeting.id",
        ),
      parentColumn: "ngo_attendance.ngoId",
      filter,
      page,
      info,
      sortable: MEETING_SORTABLE,
      defaultSort: NEWEST_FIRST,
    }).load(ngo.id);
  }
}
