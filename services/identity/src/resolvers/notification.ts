import {
  Allow,
  EVERY_ROLE,
  FilterArg,
  NotificationKind,
  PageArgs,
  PageOf,
  paginate,
  RequestContext,
  requireUser,
  SortOrder,
  uuidsForFilter,
  Validator,
} from "@hamafza/common";
import { Arg, Args, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { Notification, NotificationPreference } from "../entities/Notification";

@ObjectType({ description: "A page of the signed-in user's notifications." })
export class NotificationPage extends PageOf(Notification) {}

@InputType({ description: "Filter the signed-in user's notifications; all given conditions must hold." })
export class NotificationFilter {
  @Field(() => [ID], { nullable: true, description: "Only these notifications." })
  ids?: string[];

  @Field({ nullable: true, description: "Only unread ones (true) or only read ones (false)." })
  unread?: boolean;

  @Field(() => [NotificationKind], { nullable: true, description: "Only these kinds." })
  kinds?: NotificationKind[];
}

@InputType({ description: "Changes to the signed-in user's notification settings; omitted fields keep their value." })
export class NotificationPreferencesInput {
  @Field(() => String, { nullable: true, description: "Address to email notifications to; null removes it." })
  email?: string | null;

  @Field({ nullable: true, description: "Whether notifications are emailed." })
  emailEnabled?: boolean;

  @Field({ nullable: true, description: "One digest email a day instead of one email per notification." })
  dailyDigest?: boolean;

  @Field(() => [NotificationKind], { nullable: true, description: "Kinds not to receive at all." })
  mutedKinds?: NotificationKind[];
}

const NOTIFICATION_SORTABLE = { createdAt: "n.createdAt", kind: "n.kind", readAt: "n.readAt" };
const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63}$/;

const defaults = (userId: string): NotificationPreference =>
  Object.assign(new NotificationPreference(), {
    userId,
    email: null,
    emailEnabled: true,
    dailyDigest: false,
    mutedKinds: [],
    updatedAt: new Date(0),
  });

/** The signed-in user's inbox and notification settings; every user sees only their own. */
@Resolver(() => Notification)
export class NotificationResolver {
  @Allow(EVERY_ROLE)
  @Query(() => NotificationPage, {
    description: `The signed-in user's notifications, newest first. Sortable by ${Object.keys(NOTIFICATION_SORTABLE)
      .map((f) => `\`${f}\``)
      .join(", ")}.`,
  })
  myNotifications(
    @Ctx() ctx: RequestContext,
    @FilterArg(NotificationFilter) filter: NotificationFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<NotificationPage> {
    const user = requireUser(ctx);
    const query = ctx.db
      .getRepository(Notification)
      .createQueryBuilder("n")
      .where("n.userId = :userId", { userId: user.id });
    if (filter?.ids) query.andWhere("n.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
    if (filter?.unread === true) query.andWhere("n.readAt IS NULL");
    if (filter?.unread === false) query.andWhere("n.readAt IS NOT NULL");
    if (filter?.kinds?.length) query.andWhere("n.kind IN (:...kinds)", { kinds: filter.kinds });
    return paginate(query, page, NOTIFICATION_SORTABLE, { field: "createdAt", order: SortOrder.DESC });
  }

  @Allow(EVERY_ROLE)
  @Query(() => Int, { description: "How many of the signed-in user's notifications are unread (the bell's count)." })
  async myUnreadNotificationCount(@Ctx() ctx: RequestContext): Promise<number> {
    const [{ n }] = await ctx.db.query(
      `SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`,
      [requireUser(ctx).id],
    );
    return n;
  }

  @Allow(EVERY_ROLE)
  @Mutation(() => Int, {
    description:
      "Marks the signed-in user's notifications read: those named by `ids`, or all of them with `all: true`; returns how many were unread before. Others' notifications are never touched.",
  })
  async markNotificationsRead(
    @Ctx() ctx: RequestContext,
    @Arg("ids", () => [ID], { nullable: true, description: "The notifications to mark read." }) ids?: string[],
    @Arg("all", { nullable: true, description: "Mark every notification read." }) all?: boolean,
  ): Promise<number> {
    const user = requireUser(ctx);
    new Validator()
      .check(
        Boolean(all) || (ids?.length ?? 0) > 0,
        "ids",
        "اعلان‌هایی را که خوانده شده‌اند نام ببرید یا همه را انتخاب کنید.",
      )
      .check((ids?.length ?? 0) <= 500, "ids", "در هر بار حداکثر ۵۰۰ اعلان را می‌توان خوانده‌شده کرد.")
      .done();
    const [rows]: [unknown[], number] = await ctx.db.query(
      `UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND ($2 OR id = ANY($3::uuid[])) RETURNING id`,
      [user.id, Boolean(all), all ? [] : uuidsForFilter(ids ?? [])],
    );
    return rows.length;
  }

  @Allow(EVERY_ROLE)
  @Query(() => NotificationPreference, { description: "The signed-in user's notification settings." })
  async myNotificationPreferences(@Ctx() ctx: RequestContext): Promise<NotificationPreference> {
    const user = requireUser(ctx);
    return (await ctx.db.getRepository(NotificationPreference).findOneBy({ userId: user.id })) ?? defaults(user.id);
  }

  @Allow(EVERY_ROLE)
  @Mutation(() => NotificationPreference, {
    description:
      "Changes the signed-in user's notification settings (email address, email on/off, daily digest, kinds).",
  })
  async updateMyNotificationPreferences(
    @Ctx() ctx: RequestContext,
    @Arg("input", () => NotificationPreferencesInput, { description: "The settings to change." })
    input: NotificationPreferencesInput,
  ): Promise<NotificationPreference> {
    const user = requireUser(ctx);
    const email = typeof input.email === "string" ? input.email.trim() : input.email;
    new Validator()
      .check(
        email === undefined || email === null || (email.length <= 254 && EMAIL.test(email)),
        "email",
        "نشانی رایانامه درست نیست؛ نمونه: name@example.ir",
      )
      .done();
    return ctx.db.transaction(async (em) => {
      const repository = em.getRepository(NotificationPreference);
      const current =
        (await repository.findOne({ where: { userId: user.id }, lock: { mode: "pessimistic_write" } })) ??
        defaults(user.id);
      const next = Object.assign(current, {
        ...(email !== undefined ? { email: email || null } : {}),
        ...(input.emailEnabled !== undefined && input.emailEnabled !== null
          ? { emailEnabled: input.emailEnabled }
          : {}),
        ...(input.dailyDigest !== undefined && input.dailyDigest !== null ? { dailyDigest: input.dailyDigest } : {}),
        ...(input.mutedKinds ? { mutedKinds: [...new Set(input.mutedKinds)].sort() } : {}),
        updatedAt: new Date(),
      });
      return repository.save(next);
    });
  }
}
