import {
  RequestContext,
  requireUser,
  TerritoryColumns,
  uuidKeyedLoader,
  whereInTerritory,
  byKeys,
} from "@hamafza/common";
import { EntityManager } from "typeorm";
import { TrainingNeed } from "../entities/TrainingNeed";
import { Ngo } from "../entities/Ngo";
import { TrainingSession } from "./TrainingSession";

/** Who reads what of the training loop (docs/training.md): officials their territory, a representative its NGO. */

/** Needs take their NGO's territory (alias `ngo`); a representative reads its own NGO's needs. */
export const NEED_SCOPE: TerritoryColumns = { province: "ngo.provinceId", county: "ngo.countyId", ngo: "need.ngoId" };

/** Sessions: their territory; a representative reads the sessions its NGO is invited to. */
export const SESSION_SCOPE: TerritoryColumns = {
  province: "session.provinceId",
  county: "session.countyId",
  ngo: "EXISTS (SELECT 1 FROM training_invitation i WHERE i.session_id = session.id AND i.ngo_id = :bound)",
};

/** The needs the user may read, with their NGO joined as `ngo` (through `em` inside a transaction). */
export function visibleNeeds(ctx: RequestContext, em: EntityManager = ctx.db.manager) {
  return whereInTerritory(
    em.getRepository(TrainingNeed).createQueryBuilder("need").innerJoin(Ngo, "ngo", "ngo.id = need.ngoId"),
    requireUser(ctx),
    NEED_SCOPE,
  );
}

/** The sessions the user may read. */
export function visibleSessions(ctx: RequestContext) {
  return whereInTerritory(
    ctx.db.getRepository(TrainingSession).createQueryBuilder("session"),
    requireUser(ctx),
    SESSION_SCOPE,
  );
}

/** Sessions by id, in the user's scope (outside it: null, as if absent). */
export const trainingSessionById = (ctx: RequestContext) =>
  uuidKeyedLoader<TrainingSession | null>(
    ctx,
    "trainingSessionById",
    async (ids) =>
      byKeys(ids, await visibleSessions(ctx).andWhere("session.id IN (:...ids)", { ids }).getMany(), (s) => s.id),
    null,
  );

/** Needs by id, in the user's scope. */
export const trainingNeedById = (ctx: RequestContext) =>
  uuidKeyedLoader<TrainingNeed | null>(
    ctx,
    "trainingNeedById",
    async (ids) =>
      byKeys(ids, await visibleNeeds(ctx).andWhere("need.id IN (:...ids)", { ids }).getMany(), (n) => n.id),
    null,
  );
