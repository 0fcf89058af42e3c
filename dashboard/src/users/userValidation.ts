import { maxLength, minLength, regex, required } from "react-admin";

export { parseUsername } from "./username";

/** The server's rules, checked before sending (the server checks them again). */
export const validateUsername = [required(), regex(/^[a-z0-9._-]{3,40}$/, "hamafza.users.usernameRule")];
export const validateDisplayName = [required(), minLength(2), maxLength(100)];
export const validatePassword = [required(), minLength(10, "hamafza.users.passwordRule")];
