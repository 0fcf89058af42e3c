/** Routes of the evaluation screens (custom routes, see App.tsx). */
export const EVALUATION_PATH = "/evaluation";
export const EVALUATION_COMPARE_PATH = "/evaluation/:year/compare";
export const EVALUATION_WHAT_IF_PATH = "/evaluation/:year/what-if";

export const comparePath = (year: number) => `/evaluation/${year}/compare`;
export const whatIfPath = (year: number) => `/evaluation/${year}/what-if`;

/** Issue 15: the evaluators' list of managers' objections, and an invited manager's own result. */
export const EVALUATION_OBJECTIONS_PATH = "/evaluation/objections";
export const MY_EVALUATION_PATH = "/my-evaluation";
