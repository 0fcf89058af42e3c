import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import { Allow, AppError, ErrorCode, EVALUATORS, isUuid, RequestContext, Validator } from "@hamafza/common";
import { LicenceState } from "../entities/Licence";
import { LicenceStatesAsk } from "./licenceInputs";
import { licenceStateRows } from "./licenceLoaders";

/** Most (NGO, day) pairs in one `licenceStatesOnDays` question. */
export const MAX_LICENCE_STATE_PAIRS = 100_000;

/** The pairs of the asks, in order: ask by ask, each ask's NGOs in the order given (pure). */
export function pairsOfAsks(asks: ReadonlyArray<LicenceStatesAsk>): Array<{ ngoId: string; date: string }> {
  const pairs: Array<{ ngoId: string; date: string }> = [];
  for (const ask of asks) for (const ngoId of ask.ngoIds) pairs.push({ ngoId, date: ask.date });
  return pairs;
}

/**
 * The states of the pairs laid out like the asks (pure): one list per ask, one entry per asked NGO, in order — the
 * state of the row whose index is that pair's, or null for a pair without a row (an NGO that does not exist).
 */
export function statesLikeAsks(
  asks: ReadonlyArray<LicenceStatesAsk>,
  rows: ReadonlyArray<{ index: number; state: LicenceState }>,
): Array<Array<LicenceState | null>> {
  const flat: Array<LicenceState | null> = new Array(asks.reduce((n, ask) => n + ask.ngoIds.length, 0)).fill(null);
  for (const row of rows) flat[row.index] = row.state;
  let start = 0;
  return asks.map((ask) => flat.slice(start, (start += ask.ngoIds.length)));
}

/**
 * Licence states of many (day, NGOs) asks as one JSON value: the evaluation service asks for every attending NGO on
 * every meeting day (≈ 460,000 pairs for the whole country), and `licenceStatesOn` would answer each as a GraphQL
 * object (two leaves resolved per pair). Same statement, same states, no per-pair resolution.
 */
@Resolver()
export class LicenceStateTableResolver {
  @Allow(EVALUATORS)
  @Query(() => GraphQLJSON, {
    description: `Evaluators (the evaluation service): the licence state of many NGOs on many days, from the licence history, as one JSON value — a list with one entry per ask, in order, each a list with one entry per NGO of the ask, in order: its state that day (a \`LicenceState\` name; NONE: no licence issued by then), or null for an NGO that does not exist. Any NGO, whatever its territory (an evaluation judges the meetings of its territory, whose attendees may come from elsewhere; only the state is given), as \`licenceStatesOn\` answers evaluators. At most ${MAX_LICENCE_STATE_PAIRS.toLocaleString("en-US")} (NGO, day) pairs in all.`,
  })
  async licenceStatesOnDays(
    @Ctx() ctx: RequestContext,
    @Arg("asks", () => [LicenceStatesAsk], { description: "The days, each with its NGOs." })
    asks: LicenceStatesAsk[],
  ): Promise<Array<Array<LicenceState | null>>> {
    const pairs = pairsOfAsks(asks);
    if (pairs.length > MAX_LICENCE_STATE_PAIRS)
      throw new AppError(ErrorCode.BAD_USER_INPUT, "حداکثر ۱۰۰٬۰۰۰ جفت سمن و روز در هر پرسش.", { field: "asks" });
    const v = new Validator();
    v.check(
      pairs.every((pair) => isUuid(pair.ngoId)),
      "asks",
      "شناسه یکی از سمن‌ها معتبر نیست.",
    );
    v.done();
    return statesLikeAsks(asks, await licenceStateRows(ctx, pairs, true));
  }
}
