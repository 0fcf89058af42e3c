import { Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  Role,
  assertCanWrite,
  FilterArg,
  IdArg,
  InputArg,
  OFFICERS,
  recordChange,
  requireUser,
  whereInTerritory,
  inTransaction,
  PageArgs,
  paginate,
  RequestContext,
  SortOrder,
  assertNotReferenced,
  ExpectedVersionArg,
  findForWrite,
  IdempotencyKeyArg,
  idempotentCreate,
} from "@hamafza/common";
import { County } from "../entities/County";
import { Ngo, NgoScope, NgoStatus } from "../entities/Ngo";
import { Province } from "../entities/Province";
import { countyById, ngoById, provinceById } from "../loaders";
import { survivorOf } from "../merging/ngoAlias";
import { withCurrentLicenceColumns } from "./licenceState";
import { profileSnapshot, saveNgoProfile } from "./ngoProfileRules";
import { NgoCreateInput, NgoFilter, NgoPage, NgoUpdateInput } from "./ngoInputs";
import { EntityManager } from "typeorm";
import {
  NAME_RELEVANCE_SQL,
  NGO_CONSTRAINTS,
  NGO_SORTABLE,
  SEARCH_WORDS_THRESHOLD,
  applyNgoFilter,
  applyNgoInput,
} from "./ngoRules";
export { NgoPage, NgoFilter, NgoCreateInput, NgoUpdateInput, NgoValues } from "./ngoInputs";
export {
  NGO_CONSTRAINTS,
  NAME_RELEVANCE_SQL,
  applyNgoFilter,
  MAX_OTHER_PHONES,
  checkNgoValues,
  assignNgoValues,
} from "./ngoRules";

@Resolver(() => Ngo)
export class NgoResolver {
  @Allow(ALL_ROLES, Role.NGO_REPRESENTATIVE)
  @Query(() => NgoPage, {
    description: `NGOs of the user's territory (an NGO representative: its own NGO only). Sortable by ${[...Object.keys(NGO_SORTABLE), "relevance"].map((f) => `\`${f}\``).join(", ")} (\`relevance\`: similarity to \`filter.q\`, the default order when \`q\` is given).`,
  })
  async ngos(
    @Ctx() ctx: RequestContext,
    @FilterArg(NgoFilter) filter: NgoFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<NgoPage> {
    const user = requireUser(ctx);
    const listQuery = (db: EntityManager) => {
      const query = whereInTerritory(db.getRepository(Ngo).createQueryBuilder("ngo"), user, {
        province: "ngo.provinceId",
        county: "ngo.countyId",
        ngo: "ngo.id",
      });
      // The current licence's columns, so that `licenceState` needs no statement of its own (ngoLicence.ts).
      query.addSelect(["ngo.currentLicenceStatus", "ngo.currentLicenceSuspendedUntil", "ngo.currentLicenceExpiresOn"]);
      return { query, searching: applyNgoFilter(query, filter) };
    };
    const listed = await (async () => {
      if (!filter?.q) {
        const { query } = listQuery(ctx.db.manager);
        return paginate(query, page, NGO_SORTABLE, { field: "name", order: SortOrder.ASC });
      }
      // A search: the trigram operators (index-assisted) cut at the words' threshold, for this transaction only.
      return ctx.db.transaction(async (em) => {
        await em.query(`SET LOCAL pg_trgm.word_similarity_threshold = ${SEARCH_WORDS_THRESHOLD}`);
        const { query, searching } = listQuery(em);
        if (!searching) return paginate(query, page, NGO_SORTABLE, { field: "name", order: SortOrder.ASC });
        query.addSelect(NAME_RELEVANCE_SQL, "relevance");
        return paginate(
          query,
          page,
          { ...NGO_SORTABLE, relevance: "relevance" },
          { field: "relevance", order: SortOrder.DESC },
        );
      });
    })();
    withCurrentLicenceColumns(listed.items);
    return listed;
  }

  @Allow(ALL_ROLES, Role.NGO_REPRESENTATIVE)
  @Query(() => Ngo, {
    nullable: true,
    description:
      "One NGO by id; empty when it does not exist or is outside the user's territory (an NGO representative: not its own NGO; the id of an NGO merged into theirs shows theirs, as their account may still name it).",
  })
  async ngo(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Ngo | null> {
    // A representative of a merged NGO acts for the survivor (docs/merging.md) while their session still names the
    // merged id: it shows the survivor, as federation does. The lookup of their own bound id is already in the loader.
    if (requireUser(ctx).role === Role.NGO_REPRESENTATIVE)
      return ngoById(ctx).load((await survivorOf(ctx).load(id)) ?? id);
    return ngoById(ctx).load(id);
  }

  @Allow(OFFICERS)
  @Mutation(() => Ngo, {
    description:
      "Register an NGO in the user's territory, with its fields of activity, board, capabilities, awards and training needs. Refused if its national identifier, or its normalised name in the county, exists.",
  })
  async createNgo(
    @Ctx() ctx: RequestContext,
    @InputArg(NgoCreateInput) input: NgoCreateInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<Ngo> {
    return inTransaction(ctx.db, NGO_CONSTRAINTS, (em) =>
      idempotentCreate(
        em,
        ctx,
        "createNgo",
        idempotencyKey,
        input,
        async () => {
          const ngo = em.create(Ngo, { status: NgoStatus.ACTIVE, scope: NgoScope.COUNTY, otherPhones: [] });
          await applyNgoInput(em, ngo, input);
          assertCanWrite(requireUser(ctx), ngo);
          const saved = await em.save(ngo);
          const profile = await saveNgoProfile(em, saved.id, input);
          await recordChange(em, ctx, "createNgo", "Ngo", { before: null, after: { ...saved, ...profile } });
          return saved;
        },
        (id) => em.findOneBy(Ngo, { id }),
      ),
    );
  }

  @Allow(OFFICERS)
  @Mutation(() => Ngo, {
    description: "Change an NGO's details and profile lists (within the user's territory, before and after).",
  })
  async updateNgo(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(NgoUpdateInput) input: NgoUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<Ngo> {
    return inTransaction(ctx.db, NGO_CONSTRAINTS, async (em) => {
      const ngo = await findForWrite(em, ctx, Ngo, id, "سمن", expectedVersion);
      const before = { ...ngo, ...(await profileSnapshot(em, id, input)) };
      await applyNgoInput(em, ngo, input);
      assertCanWrite(requireUser(ctx), ngo);
      const saved = await em.save(ngo);
      const profile = await saveNgoProfile(em, saved.id, input);
      await recordChange(em, ctx, "updateNgo", "Ngo", { before, after: { ...saved, ...profile } });
      return saved;
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => Ngo, {
    description:
      "Delete an NGO registered by mistake, with its profile and licences; returns it as it was. Prefer status DISSOLVED for real NGOs.",
  })
  async deleteNgo(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Ngo> {
    return inTransaction(ctx.db, NGO_CONSTRAINTS, async (em) => {
      const ngo = await findForWrite(em, ctx, Ngo, id, "سمن");
      await assertNotReferenced(ctx, "Ngo", id, "سمن"); // after the territory check: nothing is told about records out of reach
      const profile = await profileSnapshot(em, id, "all");
      await em.delete(Ngo, { id });
      await recordChange(em, ctx, "deleteNgo", "Ngo", { before: { ...ngo, ...profile }, after: null });
      return Object.assign(new Ngo(), ngo, { id });
    });
  }

  @FieldResolver(() => County, { nullable: true })
  county(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<County | null> {
    return countyById(ctx).load(ngo.countyId);
  }

  @FieldResolver(() => Province, { nullable: true })
  province(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<Province | null> {
    return provinceById(ctx).load(ngo.provinceId);
  }
}
