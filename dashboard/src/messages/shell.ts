import { appTexts } from "./app";
import { commonMessages } from "./common";
import { mergeMessages } from "./merge";

/**
 * The messages of the first load: the sign-in page, the application's name and the texts shared by every screen
 * (app.ts, common.ts). Everything else is in screens.ts, fetched after sign-in (common/i18n.ts).
 */
export const shellMessages = mergeMessages(appTexts, commonMessages);
