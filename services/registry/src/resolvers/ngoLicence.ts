import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { canRead, DateScalar, RequestContext, requireUser } from "@hamafza/common";
import { Licence, LicenceState } from "../entities/Licence";
import { Ngo } from "../entities/Ngo";
import { deriveLicenceState, hasCurrentLicenceColumns } from "./licenceState";
import { currentLicenceByNgo, licenceStateOnLoader, licencesByNgo } from "./licenceLoaders";

/** The licence fields of an NGO (its current licence, its state today or on a day, all its licences). */
@Resolver(() => Ngo)
export class NgoLicenceResolver {
  @FieldResolver(() => Licence, {
    nullable: true,
    description: "The NGO's current licence (the latest issued), whatever its state.",
  })
  licence(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<Licence | null> {
    return currentLicenceByNgo(ctx).load(ngo.id);
  }

  @FieldResolver(() => LicenceState, {
    description: "State of the current licence today (Tehran); NONE without a licence.",
  })
  async licenceState(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<LicenceState> {
    // Lists read the current licence's columns with the row (issue 13): the same rule without a statement, and the
    // same visibility as the licence itself (`licenceQuery`: the NGO's territory, a representative's own NGO).
    if (hasCurrentLicenceColumns(ngo)) {
      if (!canRead(requireUser(ctx), ngo, { ngo: ngo.id })) return LicenceState.NONE;
      return deriveLicenceState(
        ngo.currentLicenceStatus == null
          ? null
          : {
              status: ngo.currentLicenceStatus,
              suspendedUntil: ngo.currentLicenceSuspendedUntil ?? null,
              expiresOn: ngo.currentLicenceExpiresOn!,
            },
      );
    }
    return deriveLicenceState(await currentLicenceByNgo(ctx).load(ngo.id));
  }

  @FieldResolver(() => [Licence], { description: "Every licence of the NGO, newest first." })
  licences(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<Licence[]> {
    return licencesByNgo(ctx).load(ngo.id);
  }

  @FieldResolver(() => LicenceState, {
    description: "State of the NGO's licence on a given day, from the licence history (batched across NGOs).",
  })
  async licenceStateOn(
    @Root() ngo: Ngo,
    @Ctx() ctx: RequestContext,
    @Arg("date", () => DateScalar, { description: "The day." }) date: string,
  ): Promise<LicenceState> {
    return (await licenceStateOnLoader(ctx).load(`${ngo.id}|${date}`))?.state ?? LicenceState.NONE;
  }
}
