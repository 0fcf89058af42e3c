export * from "./catalogue";
export * from "./entry";
export * from "./inputs";
