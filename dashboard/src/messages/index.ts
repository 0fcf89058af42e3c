import { mergeMessages } from "./merge";
import { screenMessages } from "./screens";
import { shellMessages } from "./shell";

export { mergeMessages, type Messages } from "./merge";

/**
 * Every message of the dashboard: those of the first load (shell.ts) and the screens' (screens.ts), as the
 * i18nProvider holds them once the screens' messages have arrived. For tests and tools; the app itself imports
 * shell.ts and loads screens.ts (common/i18n.ts), so the first load does not carry the screens' messages.
 */
export const appMessages = mergeMessages(shellMessages, screenMessages);
