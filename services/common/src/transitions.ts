import { AppError, ErrorCode } from "./errors";

/**
 * The INVALID_TRANSITION error of every state machine: the Persian `message` a user can act on, and `details`
 * (e.g. `{ from, to }` or `{ state }`) as extensions.
 */
export function invalidTransition(message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError(ErrorCode.INVALID_TRANSITION, message, details);
}
