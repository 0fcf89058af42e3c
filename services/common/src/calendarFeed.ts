/**
 * What a calendar feed address that does not work (unknown, revoked, its owner disabled) answers: identity refuses
 * the feed's token with it and the gateway serves it as the feed's 404 text, so a calendar app shows the same advice.
 */
export const FEED_UNKNOWN_MESSAGE = "این نشانی تقویم معتبر نیست یا باطل شده است؛ از داشبورد نشانی تازه بگیرید.";
