/** A representative's needs assessments (custom route, see App.tsx). */
export const MY_NEEDS_ASSESSMENTS_PATH = "/my-needs-assessments";
