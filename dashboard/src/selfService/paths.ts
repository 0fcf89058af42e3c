/** Routes of the self-service pages of invited users (custom routes, see App.tsx) and of officials' change requests. */
export const MY_NGO_PATH = "/my-ngo";
export const MY_NGO_CHANGE_REQUESTS_PATH = "/my-ngo/change-requests";
export const MY_AGENCY_PATH = "/my-agency";
export const MY_RESULTS_PATH = "/my-results";
/** Officials: the change requests of regulated NGO fields in their territory. */
export const NGO_CHANGE_REQUESTS_PATH = "/ngo-change-requests";
