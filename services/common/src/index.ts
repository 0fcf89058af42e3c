import "reflect-metadata";

export * from "./context";
export * from "./database";
export * from "./errors";
export * from "./federation";
export * from "./jalali";
export * from "./list";
export * from "./persian";
export * from "./postgres";
export * from "./scalars";
export * from "./server";
export * from "./transaction";
export * from "./validation";
export * from "./ids";
export * from "./main";
export * from "./testing";
