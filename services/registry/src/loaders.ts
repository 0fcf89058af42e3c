import {
  BoundColumns,
  byKeys,
  ReferenceTableCache,
  RequestContext,
  requireUser,
  uuidKeyedLoader,
  whereInTerritory,
} from "@hamafza/common";
import { County } from "./entities/County";
import { FieldOfActivity } from "./entities/FieldOfActivity";
import { Manager } from "./entities/Manager";
import { Ngo } from "./entities/Ngo";
import { Province } from "./entities/Province";

/** Provinces and counties: reference data only migrations and seeds write, held in memory (`ReferenceTableCache`). */
export const provinceTable = new ReferenceTableCache(Province);
export const countyTable = new ReferenceTableCache(County);
/** Fields of activity: administrators edit them, so every replica forgets its copy when a write commits. */
export const fieldOfActivityTable = new ReferenceTableCache(FieldOfActivity, { changeNotices: true });

export const provinceById = (ctx: RequestContext) =>
  ctx.loaders.get<string, Province | null>("ProvinceById", (ids) => provinceTable.byIds(ctx.db, ids));
export const countyById = (ctx: RequestContext) =>
  ctx.loaders.get<string, County | null>("CountyById", (ids) => countyTable.byIds(ctx.db, ids));
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
  /** Only these properties read (e.g. an NGO's `id` and `name` for `_entities` asking its name alone); all by default. */
  columns?: readonly (keyof T & string)[],
) {
  return uuidKeyedLoader<T | null>(
    ctx,
    `${entity.name}ByUuid${columns ? `:${columns.join(",")}` : ""}`,
    async (ids) => {
      const query = ctx.db.getRepository(entity).createQueryBuilder("row").where("row.id IN (:...ids)", { ids });
      if (columns) query.select(columns.map((column) => `row.${column}`));
      whereInTerritory(query, requireUser(ctx), { province: "row.provinceId", county: "row.countyId", ...bound });
      return byKeys(ids, await query.getMany(), (row) => row.id);
    },
    null,
  );
}

export const ngoById = (ctx: RequestContext) => byUuidLoader(ctx, Ngo, { ngo: "row.id" });

/**
 * The id and name alone of NGOs by id, under `ngoById`'s territory rule (null outside it): what `_entities` needs
 * when the gateway asks an NGO's `name` only (S3: the attendees of a page of meetings, 60 NGOs per page), without
 * reading every column of the NGO's row.
 */
export const ngoNameById = (ctx: RequestContext) => byUuidLoader(ctx, Ngo, { ngo: "row.id" }, ["id", "name"]);
export const managerById = (ctx: RequestContext) => byUuidLoader(ctx, Manager, { manager: "row.id" });
