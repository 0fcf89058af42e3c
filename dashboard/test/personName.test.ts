import { describe, expect, it } from "@jest/globals";
import { personName } from "../src/common/personName";

describe("naming a user the API refers to by username", () => {
  it("shows the person's full name", () => {
    expect(personName({ displayName: "حسین موسوی (واحد ارزیابی عملکرد)" }, "demo.evaluator")).toBe(
      "حسین موسوی (واحد ارزیابی عملکرد)",
    );
  });

  it("falls back to the username when identity no longer knows the user (or the name is empty)", () => {
    expect(personName(null, "removed.user")).toBe("removed.user");
    expect(personName(undefined, "removed.user")).toBe("removed.user");
    expect(personName({ displayName: "" }, "removed.user")).toBe("removed.user");
  });
});
