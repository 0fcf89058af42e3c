import { describe, expect, it } from "@jest/globals";
import { withIncludedIds } from "../src/common/includedLists";
import { allowedTransitions, canIssueLicence, compactInput } from "../src/licences/licenceOperations";
import { membershipsToMembers } from "../src/ngoHouses/memberships";
import {
  isIranianPhone,
  isLegalNationalId,
  isNationalCode,
  validateLegalNationalId,
  validateNationalCode,
  validatePhone,
  validatePhones,
} from "../src/ngos/ngoValidation";

describe("NGO form checks (as the registry checks them)", () => {
  it.each(["14905484270", "14804450068", "14487385191", "۱۴۹۰۵۴۸۴۲۷۰"])("accepts the national id %s", (id) => {
    expect(isLegalNationalId(id)).toBe(true);
  });

  it.each(["14905484271", "1490548427", "149054842700", "abcdefghijk", ""])("refuses the national id %p", (id) => {
    expect(isLegalNationalId(id)).toBe(false);
  });

  it.each(["4271438138", "4273613816", "0499370899", "۴۲۷۱۴۳۸۱۳۸"])("accepts the national code %s", (code) => {
    expect(isNationalCode(code)).toBe(true);
  });

  it.each(["4271438139", "1111111111", "0000000000", "427143813", "42714381380"])(
    "refuses the national code %p",
    (code) => {
      expect(isNationalCode(code)).toBe(false);
    },
  );

  it.each([
    "09121234567",
    "02433441258",
    "0912 123 4567",
    "+989121234567",
    "00989121234567",
    "۰۹۱۲۱۲۳۴۵۶۷",
    "021-88001122",
  ])("accepts the phone %s", (phone) => {
    expect(isIranianPhone(phone)).toBe(true);
  });

  it.each(["123", "9121234567", "0912123456", "09121234567890", "00121234567"])("refuses the phone %p", (phone) => {
    expect(isIranianPhone(phone)).toBe(false);
  });

  it("leaves empty optional values to required() and names the rule otherwise", () => {
    expect(validateLegalNationalId("", {}, {})).toBeUndefined();
    expect(validateLegalNationalId("123", {}, {})).toBe("hamafza.ngos.nationalIdRule");
    expect(validateNationalCode(null, {}, {})).toBeUndefined();
    expect(validateNationalCode("4271438139", {}, {})).toBe("hamafza.ngos.nationalCodeRule");
    expect(validatePhone(undefined, {}, {})).toBeUndefined();
    expect(validatePhone("123", {}, {})).toBe("hamafza.ngos.phoneRule");
    expect(validatePhones(["09121234567", "02433441258"], {}, {})).toBeUndefined();
    expect(validatePhones(["09121234567", "123"], {}, {})).toBe("hamafza.ngos.phoneRule");
    expect(validatePhones(undefined, {}, {})).toBeUndefined();
  });
});

describe("licence lifecycle on the page", () => {
  it("offers the transitions the server allows from each state", () => {
    expect(allowedTransitions("ACTIVE")).toEqual(["renew", "suspend", "revoke"]);
    expect(allowedTransitions("EXPIRING")).toEqual(["renew", "suspend", "revoke"]);
    expect(allowedTransitions("EXPIRED")).toEqual(["renew", "revoke"]);
    expect(allowedTransitions("SUSPENDED")).toEqual(["reinstate", "revoke"]);
    expect(allowedTransitions("REVOKED")).toEqual([]);
    expect(allowedTransitions(undefined)).toEqual([]);
  });

  it("offers issuing a licence only without a valid, expiring or suspended one, and never to a dissolved NGO", () => {
    expect(["NONE", "EXPIRED", "REVOKED", undefined].map((state) => canIssueLicence(state, "ACTIVE"))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(["ACTIVE", "EXPIRING", "SUSPENDED"].map((state) => canIssueLicence(state, "ACTIVE"))).toEqual([
      false,
      false,
      false,
    ]);
    expect(canIssueLicence("NONE", "DISSOLVED")).toBe(false);
  });

  it("sends only the given fields of a transition input, omitting empty optional ones", () => {
    expect(
      compactInput({ reason: "گزارش", until: null, effectiveOn: "", extra: 1 }, ["reason", "until", "effectiveOn"]),
    ).toEqual({
      reason: "گزارش",
    });
    expect(
      compactInput({ expiresOn: "2027-01-01", effectiveOn: "2025-01-01" }, ["expiresOn", "effectiveOn", "reason"]),
    ).toEqual({
      expiresOn: "2027-01-01",
      effectiveOn: "2025-01-01",
    });
  });
});

describe("list fields read as records, written as ids", () => {
  it("adds the ids of an included list for the edit form", () => {
    const toIds = withIncludedIds("members", "memberNgoIds");
    const record = {
      id: "n1",
      name: "شبکه",
      members: [
        { id: "a", name: "الف" },
        { id: "b", name: "ب" },
      ],
    };
    expect(toIds(record)).toEqual({ ...record, memberNgoIds: ["a", "b"] });
    expect(toIds({ id: "n2" })).toEqual({ id: "n2" });
  });

  it("turns an NGO House's memberships into the members it is written with", () => {
    const data = {
      name: "خانه سمن‌ها",
      memberships: [
        { ngoHouseId: "h", ngoId: "a", joinedOn: "2025-05-10", ngo: { id: "a", name: "الف" } },
        { ngoId: "b" },
        { ngoId: null },
        {},
      ],
    };
    expect(membershipsToMembers(data)).toEqual({
      name: "خانه سمن‌ها",
      members: [
        { ngoId: "a", joinedOn: "2025-05-10" },
        { ngoId: "b", joinedOn: null },
      ],
    });
    expect(membershipsToMembers({ name: "x" })).toEqual({ name: "x" });
  });
});
