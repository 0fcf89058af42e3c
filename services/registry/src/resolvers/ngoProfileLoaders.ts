import { groupByKeys, RequestContext, requireUser, uuidKeyedLoader, whereInTerritory } from "@hamafza/common";
import { ObjectLiteral } from "typeorm";
import { FieldOfActivity } from "../entities/FieldOfActivity";
import { Ngo } from "../entities/Ngo";
import { NgoField } from "../entities/NgoField";

/** DataLoaders of an NGO's profile lists. */

/** Officials: the NGO's territory; an NGO representative: their own NGO's profile (docs/self-service.md). */
const PROFILE_SCOPE = { province: "ngo.provinceId", county: "ngo.countyId", ngo: "ngo.id" };

/** Children of visible NGOs, grouped by NGO: one statement per child type and request batch. */
export function childrenLoader<T extends ObjectLiteral & { ngoId: string }>(ctx: RequestContext, entity: new () => T) {
  return uuidKeyedLoader<T[]>(
    ctx,
    `${entity.name}ByNgo`,
    async (ids) => {
      const query = ctx.db
        .getRepository(entity)
        .createQueryBuilder("child")
        .innerJoin(Ngo, "ngo", "ngo.id = child.ngoId")
        .where("child.ngoId IN (:...ids)", { ids });
      whereInTerritory(query, requireUser(ctx), PROFILE_SCOPE);
      const rows = await query.orderBy("child.sortOrder", "ASC").addOrderBy("child.id", "ASC").getMany();
      return groupByKeys(ids, rows, (row) => row.ngoId);
    },
    [],
  );
}

/** Field ids of visible NGOs, in the taxonomy's order. */
export const fieldIdsByNgo = (ctx: RequestContext) =>
  uuidKeyedLoader<string[]>(
    ctx,
    "FieldIdsByNgo",
    async (ids) => {
      const query = ctx.db
        .getRepository(NgoField)
        .createQueryBuilder("nf")
        .innerJoin(Ngo, "ngo", "ngo.id = nf.ngoId")
        .innerJoin(FieldOfActivity, "field", "field.id = nf.fieldId")
        .select(["nf.ngoId AS ngo_id", "nf.fieldId AS field_id"])
        .where("nf.ngoId IN (:...ids)", { ids });
      whereInTerritory(query, requireUser(ctx), PROFILE_SCOPE);
      const rows: { ngo_id: string; field_id: string }[] = await query
        .orderBy("field.sortOrder", "ASC")
        .addOrderBy("field.code", "ASC")
        .getRawMany();
      return groupByKeys(ids, rows, (row) => row.ngo_id).map((group) => group.map((row) => row.field_id));
    },
    [],
  );
