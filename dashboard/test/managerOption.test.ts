import { describe, expect, it } from "@jest/globals";
import { managerOption } from "../src/managers/managerOption";

describe("a manager in a picker", () => {
  it("shows the name with the position and the county, so equal names can be told apart", () => {
    const county = {
      name: "رضا موسوی",
      position: "فرماندار",
      county: { name: "میاندوآب" },
      province: { name: "آذربایجان غربی" },
    };
    const other = { ...county, county: { name: "نقده" } };
    expect(managerOption(county)).toBe("رضا موسوی — فرماندار، میاندوآب");
    expect(managerOption(other)).not.toBe(managerOption(county));
  });

  it("falls back to the province for a provincial post, and to the name alone", () => {
    expect(managerOption({ name: "مینا احمدی", position: "مدیرکل", county: null, province: { name: "زنجان" } })).toBe(
      "مینا احمدی — مدیرکل، زنجان",
    );
    expect(managerOption({ name: "مینا احمدی" })).toBe("مینا احمدی");
    expect(managerOption(undefined)).toBe("");
  });
});
