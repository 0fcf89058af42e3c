import { Ctx, Mutation, Resolver } from "type-graphql";
import {
  Allow,
  AppError,
  ErrorCode,
  inTransaction,
  NotificationKind,
  recordChange,
  RequestContext,
  requestNotification,
  requireUser,
  Role,
} from "@hamafza/common";
import { Ngo } from "../entities/Ngo";
import { NgoPublicListing } from "../entities/NgoPublicListing";

/**
 * An NGO withdraws its consent to the public register (docs/self-service.md, "Decisions"): always allowed, whatever
 * the NGO's status or licence — consent is the NGO's to give and take back.
 */
@Resolver(() => Ngo)
export class MyPublicListingResolver {
  @Allow(Role.NGO_REPRESENTATIVE)
  @Mutation(() => Ngo, {
    description:
      "The signed-in representative withdraws their NGO's consent to the public register: the NGO is taken out of it at once (audited; the NGO's county officers are told). Nothing happens if it is not listed.",
  })
  async withdrawMyPublicListingConsent(@Ctx() ctx: RequestContext): Promise<Ngo> {
    const user = requireUser(ctx);
    return inTransaction(ctx.db, {}, async (em) => {
      const ngo = user.boundId
        ? await em.findOne(Ngo, { where: { id: user.boundId }, lock: { mode: "pessimistic_write" } })
        : null;
      if (!ngo)
        throw new AppError(
          ErrorCode.FORBIDDEN,
          "حساب شما به سمنی متصل نیست؛ با کارشناسی که شما را دعوت کرده است تماس بگیرید.",
        );
      const before = await em.findOneBy(NgoPublicListing, { ngoId: ngo.id });
      if (!before) return ngo;
      await em.delete(NgoPublicListing, { ngoId: ngo.id });
      await recordChange(em, ctx, "withdrawMyPublicListingConsent", "Ngo", {
        before: { ...before, id: ngo.id, provinceId: ngo.provinceId, countyId: ngo.countyId },
        after: null,
      });
      await requestNotification(em, {
        occasionKey: `public-listing-withdrawn:${ngo.id}:${Date.now()}`,
        service: "registry",
        kind: NotificationKind.NGO_PROFILE_CHANGE,
        title: "انصراف سمن از فهرست عمومی",
        body: `نماینده «${ngo.name}» رضایت سمن به نمایش در فهرست عمومی را پس گرفت؛ سمن از فهرست عمومی برداشته شد.`,
        reason: "این سمن در قلمرو شماست.",
        link: `#/ngos/${ngo.id}/show`,
        recordType: "Ngo",
        recordId: ngo.id,
        recipients: { countyOfficersOf: [ngo.countyId] },
      });
      return ngo;
    });
  }
}
