import { authProvider } from "../auth";
import { graphqlUrl } from "../dataProvider";

/** The gateway's export endpoint, beside /graphql. */
export const exportUrl = graphqlUrl.replace(/graphql\/?$/, "export");

/** Asks the gateway for the file and saves it; a refusal throws the server's Persian message. */
export async function downloadReport(body: Record<string, unknown>, fallbackMessage: string): Promise<void> {
  const token = await authProvider.getFreshToken();
  const response = await fetch(exportUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const answer = (await response.json().catch(() => null)) as { errors?: { message?: string }[] } | null;
    throw new Error(answer?.errors?.[0]?.message ?? fallbackMessage);
  }
  const blob = await response.blob();
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `${String(body.fileName)}.${String(body.format)}`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
