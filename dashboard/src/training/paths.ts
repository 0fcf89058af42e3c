/** The NGO representative's own pages (docs/self-service.md); the invited users' shell links them. */
export const MY_TRAINING_PATH = "/my-training";
export const MY_MEETINGS_PATH = "/my-meetings";
