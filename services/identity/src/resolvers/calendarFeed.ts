import { Allow, ALL_ROLES, inTransaction, recordAudit, RequestContext, requireUser } from "@hamafza/common";
import { Ctx, Field, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { EntityManager } from "typeorm";
import { activeFeedOf, hashFeedSecret, newFeedSecret } from "../auth/calendarFeeds";
import { CalendarFeed } from "../entities/CalendarFeed";

@ObjectType({ description: "A calendar feed just made, with its secret address (shown this once)." })
export class CalendarFeedCreated {
  @Field(() => CalendarFeed, { description: "The feed." })
  feed!: CalendarFeed;

  @Field({
    description:
      "The feed's address on the gateway, `/calendar/<secret>.ics`: anyone holding it reads the meetings its owner may see, so keep it private; it is never shown again.",
  })
  path!: string;
}

const FEED_CONSTRAINTS = {
  calendar_feed_one_active: "هم‌زمان نشانی تقویم دیگری برای شما ساخته شد؛ صفحه را تازه کنید.",
};

function auditFeed(em: EntityManager, ctx: RequestContext, action: string, feed: CalendarFeed) {
  const { secretHash: _secret, ...kept } = feed;
  return recordAudit(em, ctx, { action, entityType: "CalendarFeed", entityId: feed.id, before: null, after: kept });
}

async function revokeActive(em: EntityManager, ctx: RequestContext, userId: string): Promise<CalendarFeed | null> {
  const feed = await activeFeedOf(em, userId);
  if (!feed) return null;
  feed.revokedAt = new Date();
  const saved = await em.save(feed);
  await auditFeed(em, ctx, "revokeCalendarFeed", saved);
  return saved;
}

/** Each user's private calendar feed of meetings (iCal at the gateway's `/calendar/<secret>.ics`). */
@Resolver(() => CalendarFeed)
export class CalendarFeedResolver {
  @Allow(ALL_ROLES)
  @Query(() => CalendarFeed, {
    nullable: true,
    description: "The signed-in user's calendar feed that still works; null when they have none.",
  })
  myCalendarFeed(@Ctx() ctx: RequestContext): Promise<CalendarFeed | null> {
    return activeFeedOf(ctx.db.manager, requireUser(ctx).id);
  }

  @Allow(ALL_ROLES)
  @Mutation(() => CalendarFeedCreated, {
    description:
      "Make a new private calendar feed for the signed-in user; the previous address, if any, stops working. The meetings in it are those the user may see (territory), from 90 days ago to a year ahead.",
  })
  createCalendarFeed(@Ctx() ctx: RequestContext): Promise<CalendarFeedCreated> {
    const user = requireUser(ctx);
    return inTransaction(ctx.db, FEED_CONSTRAINTS, async (em) => {
      await revokeActive(em, ctx, user.id);
      const secret = newFeedSecret();
      const feed = await em.save(em.create(CalendarFeed, { userId: user.id, secretHash: hashFeedSecret(secret) }));
      await auditFeed(em, ctx, "createCalendarFeed", feed);
      return { feed, path: `/calendar/${secret}.ics` };
    });
  }

  @Allow(ALL_ROLES)
  @Mutation(() => CalendarFeed, {
    nullable: true,
    description:
      "Revoke the signed-in user's calendar feed; its address answers nothing from now on. Null when there was none.",
  })
  revokeCalendarFeed(@Ctx() ctx: RequestContext): Promise<CalendarFeed | null> {
    const user = requireUser(ctx);
    return inTransaction(ctx.db, FEED_CONSTRAINTS, (em) => revokeActive(em, ctx, user.id));
  }
}
