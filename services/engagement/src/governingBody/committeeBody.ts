import { invalidInput, isUuid, RequestContext } from "@hamafza/common";
import { WorkingGroup } from "../entities/WorkingGroup";
import { governingBodyById } from "../loaders";
import { bodyMismatch } from "./governingBodyRules";

/**
 * Applies a committee's `bodyId` (undefined: unchanged; null or "": detached): the body must be one the user can
 * see, of the committee's province (and county, for a county body). The free-text `parentBody` follows the body's
 * name, so clients still reading it see the body.
 */
export async function applyBodyChoice(
  ctx: RequestContext,
  group: WorkingGroup,
  bodyId: string | null | undefined,
): Promise<void> {
  if (bodyId === undefined) return;
  if (!bodyId) {
    group.bodyId = null;
    return;
  }
  const body = isUuid(bodyId) ? await governingBodyById(ctx).load(bodyId) : null;
  if (!body) throw invalidInput([{ field: "bodyId", message: `نهادی با شناسه «${bodyId}» پیدا نشد.` }]);
  const problem = bodyMismatch(body, group);
  if (problem) throw invalidInput([{ field: "bodyId", message: problem }]);
  group.bodyId = body.id;
  group.parentBody = body.name;
}
