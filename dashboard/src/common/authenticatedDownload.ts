import { authProvider } from "../auth";

/** A refusal of the gateway, with its Persian message (shown to the user as it is). */
export class DownloadRefused extends Error {}

/**
 * Fetches a file from the gateway with the signed-in user's token and hands it to the browser: opened in a new tab
 * when it can be shown (a PDF), otherwise saved under `fileName`. A refusal becomes a DownloadRefused carrying the
 * gateway's Persian message.
 */
export async function authenticatedDownload(
  path: string,
  fileName: string,
  init: RequestInit = {},
  open = false,
): Promise<void> {
  const token = await authProvider.getFreshToken();
  const response = await fetch(path, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { errors?: Array<{ message?: string }> } | null;
    throw new DownloadRefused(body?.errors?.[0]?.message ?? String(response.status));
  }
  const url = URL.createObjectURL(await response.blob());
  try {
    if (open && window.open(url, "_blank")) return;
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // The new tab or the download has the blob by now; give it a minute before letting it go.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
