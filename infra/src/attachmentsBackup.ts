import { setting } from "@hamafza/common";
import { copyFileSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { REPO_ROOT } from "./paths";

/** The local attachments directory the gateway uses, or null when attachments are in S3 (docs/attachments.md). */
export function localAttachmentDir(): string | null {
  if (setting("HAMAFZA_S3_BUCKET")) return null;
  const dir = setting("HAMAFZA_ATTACHMENT_DIR");
  return isAbsolute(dir) ? dir : resolve(REPO_ROOT, dir);
}

const DIGEST = /^[0-9a-f]{64}$/;

/**
 * Copies stored attachment contents (`<two hex>/<sha256>` files) from one directory to another, skipping those the
 * target already has: contents are named by their digest, so an existing file is the same file. Temporary `.part`
 * files of uploads in progress are left out. Returns how many files were copied.
 */
export function copyAttachmentContents(from: string, to: string): number {
  if (!existsSync(from)) return 0;
  let copied = 0;
  for (const prefix of readdirSync(from)) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const name of readdirSync(join(from, prefix))) {
      if (!DIGEST.test(name) || !name.startsWith(prefix)) continue;
      const target = join(to, prefix, name);
      if (existsSync(target)) continue;
      mkdirSync(join(to, prefix), { recursive: true });
      copyFileSync(join(from, prefix, name), target);
      copied++;
    }
  }
  return copied;
}
