import { DataSource, EntityManager, QueryFailedError } from "typeorm";
import { AppError, ErrorCode } from "./errors";

/** Persian messages for the unique and foreign-key constraints a service wants to explain to users. */
export type ConstraintMessages = Record<string, string>;

/**
 * Runs a mutation in one transaction: either all of it lands or nothing does. Constraint violations the
 * service knows about become CONFLICT / BAD_USER_INPUT errors with a Persian message.
 */
export async function inTransaction<T>(
  db: DataSource,
  constraints: ConstraintMessages,
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction(work);
  } catch (error) {
    throw explainDatabaseError(error, constraints);
  }
}

export function explainDatabaseError(error: unknown, constraints: ConstraintMessages): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const driverError = error.driverError as { code?: string; constraint?: string };
  const message = driverError.constraint ? constraints[driverError.constraint] : undefined;
  if (!message) return error;
  if (driverError.code === "23505")
    return new AppError(ErrorCode.CONFLICT, message, { constraint: driverError.constraint });
  if (driverError.code === "23503" || driverError.code === "23514") {
    return new AppError(ErrorCode.BAD_USER_INPUT, message, { constraint: driverError.constraint });
  }
  return error;
}
