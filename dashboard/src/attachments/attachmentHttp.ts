import { authProvider } from "../auth";
import { graphqlUrl } from "../dataProvider";
import type { AttachmentItem, AttachmentRecordType } from "./attachmentOperations";

/** `/attachments` beside the GraphQL endpoint (same origin by default). */
export function attachmentsUrl(path = ""): string {
  const url = new URL(graphqlUrl, window.location.href);
  url.pathname = url.pathname.replace(/\/graphql$/, "") + "/attachments" + path;
  url.search = "";
  return url.toString();
}

/** An error answer's Persian message (the gateway answers `{ errors: [{ message }] }`). */
async function failure(response: Response): Promise<Error> {
  try {
    const body = (await response.json()) as { errors?: { message?: string }[] };
    return new Error(body.errors?.[0]?.message ?? String(response.status));
  } catch {
    return new Error(String(response.status));
  }
}

async function authorization(): Promise<Record<string, string>> {
  const token = await authProvider.getFreshToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** Uploads one file (raw body, name in x-file-name) and returns the attachment. */
export async function uploadAttachment(
  record: AttachmentRecordType,
  id: string,
  kind: string,
  file: File,
): Promise<AttachmentItem> {
  const query = new URLSearchParams({ record, id, kind });
  const response = await fetch(`${attachmentsUrl()}?${query}`, {
    method: "POST",
    headers: {
      ...(await authorization()),
      "content-type": file.type || "application/octet-stream",
      "x-file-name": encodeURIComponent(file.name),
    },
    body: file,
  });
  if (!response.ok) throw await failure(response);
  return ((await response.json()) as { attachment: AttachmentItem }).attachment;
}

/** Downloads one attachment with the user's token and hands it to the browser under its name. */
export async function downloadAttachment(attachment: AttachmentItem): Promise<void> {
  const response = await fetch(attachmentsUrl(`/${attachment.id}`), { headers: await authorization() });
  if (!response.ok) throw await failure(response);
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = href;
  link.download = attachment.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
