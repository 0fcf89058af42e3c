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

/** Users by sign-in name (the key other subgraphs refer to a `Person` by), null where none has it. */
export const userByUsername = (ctx: RequestContext) =>
  ctx.loaders.get<string, User | null>("userByUsername", async (usernames) =>
    byKeys(usernames, await ctx.db.getRepository(User).findBy({ username: In([...usernames]) }), (u) => u.username),
  );
