import { Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import {
  Allow,
  AppError,
  byKeys,
  ErrorCode,
  findForWrite,
  IdArg,
  InputArg,
  inTransaction,
  OFFICERS,
  recordChange,
  RequestContext,
  requireUser,
} from "@hamafza/common";
import { In } from "typeorm";
import { Licence } from "../entities/Licence";
import { Ngo } from "../entities/Ngo";
import { NgoPublicListing } from "../entities/NgoPublicListing";
import { NgoPublicListingInput } from "./publicListingInputs";
import { checkedListingInput } from "./publicListingRules";

const NO_LICENCE =
  "فقط سمن دارای پروانه در فهرست عمومی می‌آید؛ نخست پروانه این سمن را ثبت کنید (فهرست عمومی برای گواهی پروانه است).";

/** The audit record of a listing: the NGO's id and territory with the listing's fields. */
const audited = (ngo: Ngo, listing: NgoPublicListing | null) =>
  listing ? { ...listing, id: ngo.id, provinceId: ngo.provinceId, countyId: ngo.countyId } : null;

/** Listing NGOs in the public register, with their consent (docs/public-register.md). */
@Resolver(() => Ngo)
export class NgoPublicListingResolver {
  @Allow(OFFICERS)
  @Mutation(() => Ngo, {
    description:
      "List an NGO of the user's territory in the public register (name, fields, county and licence only), recording the NGO's consent; again: the consent is replaced. Only NGOs with a licence.",
  })
  async listNgoPublicly(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(NgoPublicListingInput) input: NgoPublicListingInput,
  ): Promise<Ngo> {
    return inTransaction(ctx.db, {}, async (em) => {
      const ngo = await findForWrite(em, ctx, Ngo, id, "سمن");
      const checked = checkedListingInput(input);
      if ((await em.countBy(Licence, { ngoId: id })) === 0)
        throw new AppError(ErrorCode.BAD_USER_INPUT, NO_LICENCE, { field: "id" });
      const before = await em.findOneBy(NgoPublicListing, { ngoId: id });
      const listing = em.create(NgoPublicListing, {
        ngoId: id,
        ...checked,
        listedBy: requireUser(ctx).username,
        listedAt: new Date(),
      });
      await em.save(listing);
      await recordChange(em, ctx, "listNgoPublicly", "Ngo", {
        before: audited(ngo, before),
        after: audited(ngo, listing),
      });
      return ngo;
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => Ngo, {
    description:
      "Take an NGO of the user's territory out of the public register (e.g. the NGO withdrew its consent); nothing happens if it is not listed.",
  })
  async unlistNgoPublicly(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Ngo> {
    return inTransaction(ctx.db, {}, async (em) => {
      const ngo = await findForWrite(em, ctx, Ngo, id, "سمن");
      const before = await em.findOneBy(NgoPublicListing, { ngoId: id });
      if (!before) return ngo;
      await em.delete(NgoPublicListing, { ngoId: id });
      await recordChange(em, ctx, "unlistNgoPublicly", "Ngo", { before: audited(ngo, before), after: null });
      return ngo;
    });
  }

  @FieldResolver(() => NgoPublicListing, {
    nullable: true,
    description: "The NGO's listing in the public register with its recorded consent; null: not listed.",
  })
  publicListing(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<NgoPublicListing | null> {
    return ctx.loaders
      .get<string, NgoPublicListing | null>("NgoPublicListingByNgo", async (ids) =>
        byKeys(ids, await ctx.db.getRepository(NgoPublicListing).findBy({ ngoId: In([...ids]) }), (row) => row.ngoId),
      )
      .load(ngo.id);
  }
}
