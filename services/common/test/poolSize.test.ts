import { poolSizeFromEnv } from "../src/database";

describe("HAMAFZA_DB_POOL_SIZE", () => {
  it("defaults to 10 and takes a whole number from 1 to 200", () => {
    expect(poolSizeFromEnv({})).toBe(10);
    expect(poolSizeFromEnv({ HAMAFZA_DB_POOL_SIZE: "" })).toBe(10);
    expect(poolSizeFromEnv({ HAMAFZA_DB_POOL_SIZE: "3" })).toBe(3);
    expect(poolSizeFromEnv({ HAMAFZA_DB_POOL_SIZE: "200" })).toBe(200);
  });

  it.each(["0", "-1", "2.5", "ten", "201"])("rejects %p with a message naming the variable", (value) => {
    expect(() => poolSizeFromEnv({ HAMAFZA_DB_POOL_SIZE: value })).toThrow(
      `HAMAFZA_DB_POOL_SIZE must be a whole number from 1 to 200, not "${value}".`,
    );
  });
});
