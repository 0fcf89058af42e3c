import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { RequestContext } from "@hamafza/common";
import { County } from "../entities/County";
import { FieldOfActivity } from "../entities/FieldOfActivity";
import { Ngo } from "../entities/Ngo";
import { Province } from "../entities/Province";
import { countyById, ngoById, provinceById } from "../loaders";
import { fieldOfActivityById } from "./fieldOfActivity";
import {
  DuplicateNgoPair,
  NgoCount,
  NgoSearchHit,
  ParallelWorkGroup,
  TrainingNeedAggregate,
} from "./registryAnalyticsInputs";

/** Links of the analytics rows to the records they count (one batched loader each). */
@Resolver(() => NgoCount)
export class NgoCountResolver {
  @FieldResolver(() => Province, { nullable: true, description: "The province (PROVINCE and COUNTY groups)." })
  province(@Root() row: NgoCount, @Ctx() ctx: RequestContext): Promise<Province | null> {
    return row.provinceId ? provinceById(ctx).load(row.provinceId) : Promise.resolve(null);
  }

  @FieldResolver(() => County, { nullable: true, description: "The county (COUNTY groups)." })
  county(@Root() row: NgoCount, @Ctx() ctx: RequestContext): Promise<County | null> {
    return row.countyId ? countyById(ctx).load(row.countyId) : Promise.resolve(null);
  }

  @FieldResolver(() => FieldOfActivity, { nullable: true, description: "The field of activity (FIELD groups)." })
  field(@Root() row: NgoCount, @Ctx() ctx: RequestContext): Promise<FieldOfActivity | null> {
    return row.fieldId ? fieldOfActivityById(ctx).load(row.fieldId) : Promise.resolve(null);
  }
}

@Resolver(() => TrainingNeedAggregate)
export class TrainingNeedAggregateResolver {
  @FieldResolver(() => Province, { nullable: true, description: "The province." })
  province(@Root() row: TrainingNeedAggregate, @Ctx() ctx: RequestContext): Promise<Province | null> {
    return row.provinceId ? provinceById(ctx).load(row.provinceId) : Promise.resolve(null);
  }
}

@Resolver(() => NgoSearchHit)
export class NgoSearchHitResolver {
  @FieldResolver(() => Ngo, { nullable: true, description: "The NGO found." })
  ngo(@Root() hit: NgoSearchHit, @Ctx() ctx: RequestContext): Promise<Ngo | null> {
    return ngoById(ctx).load(hit.ngoId);
  }
}

@Resolver(() => DuplicateNgoPair)
export class DuplicateNgoPairResolver {
  @FieldResolver(() => Ngo, { nullable: true, description: "The first NGO." })
  first(@Root() pair: DuplicateNgoPair, @Ctx() ctx: RequestContext): Promise<Ngo | null> {
    return ngoById(ctx).load(pair.firstId);
  }

  @FieldResolver(() => Ngo, { nullable: true, description: "The second NGO." })
  second(@Root() pair: DuplicateNgoPair, @Ctx() ctx: RequestContext): Promise<Ngo | null> {
    return ngoById(ctx).load(pair.secondId);
  }
}

@Resolver(() => ParallelWorkGroup)
export class ParallelWorkGroupResolver {
  @FieldResolver(() => County, { nullable: true, description: "The county covered." })
  county(@Root() group: ParallelWorkGroup, @Ctx() ctx: RequestContext): Promise<County | null> {
    return countyById(ctx).load(group.countyId);
  }

  @FieldResolver(() => FieldOfActivity, { nullable: true, description: "The field of activity." })
  field(@Root() group: ParallelWorkGroup, @Ctx() ctx: RequestContext): Promise<FieldOfActivity | null> {
    return fieldOfActivityById(ctx).load(group.fieldId);
  }

  @FieldResolver(() => [Ngo], { description: "The NGOs covering the county in the field." })
  async ngos(@Root() group: ParallelWorkGroup, @Ctx() ctx: RequestContext): Promise<Ngo[]> {
    return (await ngoById(ctx).loadMany(group.ngoIds)).filter((n): n is Ngo => n !== null && !(n instanceof Error));
  }
}
