import { byKeys, RequestContext, uuidKeyedLoader } from "@hamafza/common";
import { In } from "typeorm";
import { User } from "./entities/User";

export const userById = (ctx: RequestContext) =>
  uuidKeyedLoader<User | null>(
    ctx,
    "userById",
    async (ids) => byKeys(ids, await ctx.db.getRepository(User).findBy({ id: In(ids) }), (u) => u.id),
    null,
  );
