import { randomBytes } from "node:crypto";
import { Algorithm, hash, verify } from "@node-rs/argon2";

/** argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). */
const ARGON2 = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies against a throw-away hash, so a sign-in with an unknown username costs the same time as one with a
 * wrong password and the answer's timing does not tell whether the username exists.
 */
export async function spendVerificationTime(password: string): Promise<void> {
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  await verifyPassword(await dummyHash, password);
}

/** A Persian problem with a new password, or null when it is acceptable. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `گذرواژه باید دست‌کم ${MIN_PASSWORD_LENGTH.toLocaleString("fa-IR")} نویسه باشد.`;
  if (password.length > 200) return "گذرواژه بیش از اندازه بلند است (حداکثر ۲۰۰ نویسه).";
  if (password.toLowerCase().includes(username.toLowerCase())) return "گذرواژه نباید نام کاربری را در خود داشته باشد.";
  return null;
}

/** A random password for first start and resets: 16 URL-safe characters (96 bits). */
export function generatePassword(): string {
  return randomBytes(12).toString("base64url");
}
