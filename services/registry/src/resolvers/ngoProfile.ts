import { Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import { RequestContext } from "@hamafza/common";
import { BoardMember } from "../entities/BoardMember";
import { County } from "../entities/County";
import { FieldOfActivity } from "../entities/FieldOfActivity";
import { Ngo, PersonalList } from "../entities/Ngo";
import { NgoAward } from "../entities/NgoAward";
import { NgoCapability } from "../entities/NgoCapability";
import { TrainingNeed } from "../entities/TrainingNeed";
import { countyById } from "../loaders";
import { fieldOfActivityById } from "./fieldOfActivity";

import { childrenLoader, fieldIdsByNgo } from "./ngoProfileLoaders";

/*
 * The NGO's profile beyond its own columns: fields of activity, board members, capabilities, awards and training
 * needs. They are edited as nested lists of the NGO inputs (`NgoCreateInput` / `NgoUpdateInput`): a given list
 * replaces the NGO's list (items carrying the `id` of one of the NGO's records keep that id), `null` clears it,
 * an omitted list is left alone. Children take the NGO's territory: they are read only through a visible NGO and
 * their loaders join the NGO with the territory condition.
 */

const notNull = <T>(value: T | null): value is T => value !== null;

@Resolver(() => Ngo)
export class NgoProfileResolver {
  @FieldResolver(() => [ID], {
    description: "Ids of the NGO's fields of activity (edit with `fieldIds` in the NGO inputs).",
  })
  fieldIds(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<string[]> {
    return fieldIdsByNgo(ctx).load(ngo.id);
  }

  @FieldResolver(() => [FieldOfActivity], { description: "The NGO's fields of activity (حوزه‌های فعالیت)." })
  async fields(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<FieldOfActivity[]> {
    const ids = await fieldIdsByNgo(ctx).load(ngo.id);
    return (await fieldOfActivityById(ctx).loadMany(ids)).filter(
      (f): f is FieldOfActivity => f !== null && !(f instanceof Error),
    );
  }

  @FieldResolver(() => [String], {
    description: "Every contact phone: `phone` first, then `otherPhones`. Personal data: masked for analysts.",
  })
  @PersonalList("phone")
  phones(@Root() ngo: Ngo): string[] {
    return [ngo.phone, ...(ngo.otherPhones ?? [])].filter((p): p is string => !!p);
  }

  @FieldResolver(() => [BoardMember], { description: "Board of directors (هیئت‌مدیره), in the order entered." })
  boardMembers(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<BoardMember[]> {
    return childrenLoader(ctx, BoardMember).load(ngo.id);
  }

  @FieldResolver(() => [NgoCapability], {
    description: "Services the NGO can offer, with coverage areas and volunteers.",
  })
  capabilities(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<NgoCapability[]> {
    return childrenLoader(ctx, NgoCapability).load(ngo.id);
  }

  @FieldResolver(() => [NgoAward], { description: "National and international awards." })
  awards(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<NgoAward[]> {
    return childrenLoader(ctx, NgoAward).load(ngo.id);
  }

  @FieldResolver(() => [TrainingNeed], { description: "Training needs the NGO has declared (نیازهای آموزشی)." })
  trainingNeeds(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<TrainingNeed[]> {
    return childrenLoader(ctx, TrainingNeed).load(ngo.id);
  }
}

@Resolver(() => NgoCapability)
export class NgoCapabilityResolver {
  @FieldResolver(() => FieldOfActivity, { nullable: true, description: "Field of activity of the service, if given." })
  field(@Root() capability: NgoCapability, @Ctx() ctx: RequestContext): Promise<FieldOfActivity | null> {
    return capability.fieldId ? fieldOfActivityById(ctx).load(capability.fieldId) : Promise.resolve(null);
  }

  @FieldResolver(() => [County], { description: "The counties covered besides the home county." })
  async coverageCounties(@Root() capability: NgoCapability, @Ctx() ctx: RequestContext): Promise<County[]> {
    return (await countyById(ctx).loadMany(capability.coverageCountyIds))
      .filter((c): c is County => c !== null && !(c instanceof Error))
      .filter(notNull);
  }
}
