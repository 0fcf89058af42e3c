import { describe, expect, it } from "@jest/globals";
import { isEnumType, parse, validate } from "graphql";
import {
  ATTACHMENT_KINDS,
  ATTACHMENTS_QUERIES,
  REMOVE_ATTACHMENT,
  REMOVE_LICENCE_ATTACHMENT,
} from "../src/attachments/attachmentOperations";
import { appMessages } from "../src/messages";
import { apiSchema } from "./supergraph";

describe("attachments panel operations", () => {
  it("are valid against the committed supergraph", () => {
    for (const document of [...Object.values(ATTACHMENTS_QUERIES), REMOVE_ATTACHMENT, REMOVE_LICENCE_ATTACHMENT])
      expect(validate(apiSchema, parse(document)).map((error) => error.message)).toEqual([]);
  });

  it("offers only kinds the API knows, each with its Persian name", () => {
    const kindEnum = apiSchema.getType("AttachmentKind");
    expect(isEnumType(kindEnum)).toBe(true);
    const known = isEnumType(kindEnum) ? kindEnum.getValues().map((value) => value.name) : [];
    const offered = new Set(Object.values(ATTACHMENT_KINDS).flat());
    expect([...offered].filter((kind) => !known.includes(kind))).toEqual([]);
    const names = (appMessages.hamafza as Record<string, Record<string, Record<string, string>>>).attachments.kinds;
    expect(known.filter((kind) => typeof names[kind] !== "string")).toEqual([]);
  });
});
