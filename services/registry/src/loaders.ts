import { BoundColumns, byKeys, RequestContext, requireUser, uuidKeyedLoader, whereInTerritory } from "@hamafza/common";
import { In } from "typeorm";
import { County } from "./entities/County";
import { Manager } from "./entities/Manager";
import { Ngo } from "./entities/Ngo";
import { Province } from "./entities/Province";

/** One batched `WHERE id IN (…)` per entity type per request. */
function byIdLoader<T extends { id: string }>(ctx: RequestContext, entity: new () => T) {
  return ctx.loaders.get<string, T | null>(`${entity.name}ById`, async (ids) => {
    const rows = await ctx.db.getRepository(entity).findBy({ id: In([...ids]) } as never);
    return byKeys(ids, rows as T[], (row) => row.id);
  });
}

export const provinceById = (ctx: RequestContext) => byIdLoader(ctx, Province);
export const countyById = (ctx: RequestContext) => byIdLoader(ctx, County);
/**
 * UUID-keyed territorial entities, limited in SQL to the user's territory: a row outside it answers null, as if it
 * did not exist (root queries, field resolvers and `_entities` all load through here). A malformed id answers
 * null instead of failing the batch's SQL.
 */
export function byUuidLoader<T extends { id: string }>(
  ctx: RequestContext,
  entity: new () => T,
  /** For the kinds invited users are bound to: the row's own id (`{ ngo: "row.id" }`), so they read their record. */
  bound: BoundColumns = {},
) {
  return uuidKeyedLoader<T | null>(
    ctx,
    `${entity.name}ByUuid`,
    async (ids) => {
      const query = ctx.db.getRepository(entity).createQueryBuilder("row").where("row.id IN (:...ids)", { ids });
      whereInTerritory(query, requireUser(ctx), { province: "row.provinceId", county: "row.countyId", ...bound });
      return byKeys(ids, await query.getMany(), (row) => row.id);
    },
    null,
  );
}

export const ngoById = (ctx: RequestContext) => byUuidLoader(ctx, Ngo, { ngo: "row.id" });
export const managerById = (ctx: RequestContext) => byUuidLoader(ctx, Manager, { manager: "row.id" });
