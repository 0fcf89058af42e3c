export * from "./attach";
export * from "./fields";
export * from "./receipt";
export * from "./rules";
export * from "./sniff";
