/** Route of the NGO import page (custom route, see App.tsx). */
export const NGO_IMPORT_PATH = "/ngos/import";
