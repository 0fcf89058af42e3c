import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * A secret a queued job needs (the access token a computation run acts with) is stored in the job's data sealed
 * with AES-256-GCM under a key derived from the gateway secret, which every process of a deployment shares and the
 * database does not hold. A job sealed under another secret (the system restarted with a new random secret) cannot
 * be opened: `openJobSecret` returns null and the job ends with a message asking to start it again.
 */

const keyOf = (gatewaySecret: string) =>
  Buffer.from(hkdfSync("sha256", gatewaySecret, "hamafza-jobs", "job-secret-v1", 32));

export function sealJobSecret(gatewaySecret: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(gatewaySecret), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url")).join(".");
}

export function openJobSecret(gatewaySecret: string, sealed: string): string | null {
  const [iv, tag, body] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !tag || !body || iv.length !== 12 || tag.length !== 16) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyOf(gatewaySecret), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
