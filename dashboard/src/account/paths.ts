/** Route of the change-password page (custom route, see App.tsx). */
export const CHANGE_PASSWORD_PATH = "/my-password";
