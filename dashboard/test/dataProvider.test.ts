import { describe, expect, it } from "@jest/globals";
import { introspectionFromSchema, parse, validate } from "graphql";
import { DASHBOARD_INTROSPECTION_QUERY } from "../../services/common/src/dashboardIntrospection";
import {
  buildSchemaModel,
  operationDocument,
  type ResourceModel,
  type SchemaModel,
} from "../src/dataProvider/schemaModel";
import { buildFilter, listVariables, sanitizeInput } from "../src/dataProvider/variables";
import { withRoleTerritory } from "../src/users/userTerritory";
import { apiSchema, dashboardResourceNames, introspection } from "./supergraph";

/** The data provider's model of the real API: the committed supergraph, as the gateway introspects it. */
const model = buildSchemaModel(introspection);
const resource = (name: string): ResourceModel => {
  const found = model.resources.get(name);
  if (!found) throw new Error(`no resource ${name}`);
  return found;
};

/** Every document the provider can send for a resource: its operations, and each with every includable list. */
function documentsOf(item: ResourceModel): string[] {
  const operations = [item.list, item.one, item.create, item.update, item.delete].filter(
    (operation) => operation !== undefined,
  );
  const included = [...item.includable.values()].flatMap((extra) =>
    [item.list, item.one].flatMap((operation) =>
      operation ? [operationDocument(operation, `${item.detailSelection} ${extra}`)] : [],
    ),
  );
  return [...operations.map((operation) => operation.document), ...included];
}

describe("schema model from the supergraph's introspection", () => {
  it("discovers one resource per paged root query field of the real API", () => {
    expect([...model.resources.keys()].sort()).toEqual(
      [
        "agencies",
        "agendaItems",
        "areasDueForNeedsAssessment",
        "areasWithoutFacilitationOffice",
        "areasWithoutNgo",
        "countiesWithoutFacilitationOffice",
        "needsAssessments",
        "auditEntries",
        "counties",
        "demands",
        "demandTopics",
        "evaluationCycles",
        "evaluationObjections",
        "evaluationResults",
        "expiringLicences",
        "facilitationOffices",
        "fieldsOfActivity",
        "governingBodies",
        "informalSettlementAreas",
        "invitedUsers",
        "licences",
        "managerScores",
        "managers",
        "meetings",
        "myNotifications",
        "ngoActivityReports",
        "ngoChangeRequests",
        "ngoHouses",
        "ngoNetworks",
        "ngos",
        "ngosMissingActivityReport",
        "overdueResolutions",
        "projects",
        "proposals",
        "provinces",
        "savedQueries",
        "resolutions",
        "trainingNeeds",
        "trainingSessions",
        "socialHarms",
        "supervisionRecords",
        "unfinishedProjects",
        "users",
        "workingGroupMembers",
        "workingGroups",
      ].sort(),
    );
    expect(resource("managerScores").typeName).toBe("ManagerScore");
    expect(resource("counties").typeName).toBe("County");
    expect(resource("expiringLicences").typeName).toBe("Licence");
  });

  it("knows every resource the dashboard's pages name", () => {
    const names = dashboardResourceNames();
    expect(names.length).toBeGreaterThanOrEqual(24);
    expect(names.filter((name) => !model.resources.has(name))).toEqual([]);
  });

  it("uses the lower-camel singular query and the convention mutations", () => {
    expect(resource("counties").one?.field).toBe("county");
    expect(resource("fieldsOfActivity").one?.field).toBe("fieldOfActivity");
    expect(resource("managerScores").one?.field).toBe("managerScore");
    expect(resource("ngos").create?.field).toBe("createNgo");
    expect(resource("ngos").update?.field).toBe("updateNgo");
    expect(resource("ngos").delete?.field).toBe("deleteNgo");
    // Licences are issued by their own mutation (issueLicence), never by the create convention.
    expect(resource("licences").create).toBeUndefined();
    expect(resource("licences").update?.field).toBe("updateLicence");
    expect(resource("users").one?.field).toBe("user");
    expect(resource("users").create?.field).toBe("createUser");
    expect(resource("users").update?.field).toBe("updateUser");
    expect(resource("users").delete).toBeUndefined();
    expect(resource("evaluationCycles").create?.field).toBe("createEvaluationCycle");
    expect(resource("evaluationCycles").update).toBeUndefined();
    for (const readOnly of ["auditEntries", "evaluationResults", "managerScores", "provinces", "counties"]) {
      const item = resource(readOnly);
      expect([item.create, item.update, item.delete]).toEqual([undefined, undefined, undefined]);
    }
  });

  it("selects scalars, enums, scalar lists and { id name|title } of single objects", () => {
    expect(resource("counties").selection).toBe("id code name nameEn provinceId province { id name }");
    expect(resource("managerScores").selection).toBe(
      "id managerId year total grade provinceId countyId publishedAt computedAt manager { id name }",
    );
    expect(resource("users").selection).toBe(
      "version updatedBy id username displayName role provinceId countyId boundId authorisationReference province { id name } county { id name } " +
        "disabled lastLoginAt passwordChangedAt createdAt updatedAt invitation { id }",
    );
    const ngos = resource("ngos").selection.split(" ");
    // a single object without name or title: its id only; scalar lists as they are
    expect(ngos).toEqual(expect.arrayContaining(["nationalId", "licenceState", "fieldIds", "phones", "licence"]));
    expect(resource("ngos").selection).toContain("county { id name } province { id name }");
    expect(resource("ngos").selection).toContain("licence { id }");
  });

  it("names a person (who has no id) by displayName: who recorded a progress update", () => {
    expect(resource("resolutions").detailSelection).toMatch(
      / updates \{[^}]* recordedBy [^}]*recordedByPerson \{ displayName \}/,
    );
    expect(resource("projects").detailSelection).toMatch(
      / updates \{[^}]* recordedBy [^}]*recordedByPerson \{ displayName \}/,
    );
  });

  it("adds the lists of non-resource objects (one level) to the detail selection only", () => {
    const ngos = resource("ngos");
    expect(ngos.detailSelection.startsWith(ngos.selection)).toBe(true);
    expect(ngos.detailSelection.slice(ngos.selection.length)).toBe(
      " boardMembers { id ngoId name role nationalCode phone sortOrder }" +
        " capabilities { id ngoId service fieldId coverageCountyIds volunteersAvailable sortOrder field { id name } }" +
        " awards { id ngoId title level jalaliYear awardedBy sortOrder }" +
        " trainingNeeds { id ngoId topic audience urgency year status sessionId sortOrder createdAt updatedAt ngo { id name } session { id } }",
    );
    expect(ngos.selection).not.toContain("boardMembers");
    // Lists of resources are never selected by default; they can be included by name.
    expect(ngos.detailSelection).not.toContain("meetings");
    expect(ngos.includable.get("meetings")).toBe("meetings { id title }");
    expect(ngos.includable.get("licences")).toBe("licences { id }");
    expect([...resource("meetings").includable.keys()]).toEqual([
      "ngos",
      "agendaItems",
      "resolutions",
      "demands",
      "proposals",
    ]);
    expect(resource("users").detailSelection).toBe(resource("users").selection);
  });

  it("builds the list and mutation documents", () => {
    const ngos = resource("ngos");
    expect(ngos.list.document).toBe(
      "query ngos($sort: SortInput, $offset: Int!, $limit: Int!, $filter: NgoFilter) " +
        "{ data: ngos(sort: $sort, offset: $offset, limit: $limit, filter: $filter) " +
        `{ items { ${ngos.selection} } totalCount } }`,
    );
    expect(ngos.one?.document).toBe(`query ngo($id: ID!) { data: ngo(id: $id) { ${ngos.detailSelection} } }`);
    expect(ngos.update?.document).toBe(
      "mutation updateNgo($expectedVersion: Int, $input: NgoUpdateInput!, $id: ID!) " +
        `{ data: updateNgo(expectedVersion: $expectedVersion, input: $input, id: $id) { ${ngos.detailSelection} } }`,
    );
    expect(ngos.delete?.document).toMatch(/^mutation deleteNgo\(\$id: ID!/);
  });

  it("produces documents that all validate against the API schema", () => {
    const documents = [...model.resources.values()].flatMap(documentsOf);
    const operations = [...model.resources.values()].reduce(
      (count, item) => count + [item.list, item.one, item.create, item.update, item.delete].filter(Boolean).length,
      0,
    );
    const includes = [...model.resources.values()].reduce(
      (count, item) => count + item.includable.size * (item.one ? 2 : 1),
      0,
    );
    expect(documents).toHaveLength(operations + includes);
    expect(documents.length).toBeGreaterThan(150);
    const invalid = documents.flatMap((document) =>
      validate(apiSchema, parse(document)).map((error) => `${error.message} in ${document.slice(0, 80)}`),
    );
    expect(invalid).toEqual([]);
  });

  it("builds the same documents from the introspection it sends (no descriptions) as from a full one", () => {
    expect(DASHBOARD_INTROSPECTION_QUERY).not.toMatch(/\bdescription\b/);
    const hasDescriptions = (answer: object) => JSON.stringify(answer).includes('"description":');
    const fullAnswer = introspectionFromSchema(apiSchema);
    expect([hasDescriptions(introspection), hasDescriptions(fullAnswer)]).toEqual([false, true]);
    const full = buildSchemaModel(fullAnswer);
    const documents = (item: SchemaModel) =>
      [...item.resources.values()].map((r) => [r.name, documentsOf(r), [...r.filterFields.keys()]]);
    expect(documents(model)).toEqual(documents(full));
  });

  it("reads filter fields from the filter input type", () => {
    expect([...resource("counties").filterFields.keys()]).toEqual(["ids", "q", "provinceId"]);
    expect([...resource("ngos").filterFields.keys()]).toEqual([
      "ids",
      "q",
      "countyId",
      "provinceId",
      "status",
      "scope",
      "fieldId",
      "licenceState",
      "mergedInto",
    ]);
  });
});

describe("variables", () => {
  it("passes through only filter keys of the input type and maps id to ids", () => {
    const filter = buildFilter(resource("ngos"), { q: "مهر", status: "ACTIVE", unknown: 1, phone: "", id: 7 });
    expect(filter).toEqual({ q: "مهر", status: "ACTIVE", ids: [7] });
    expect(buildFilter(resource("ngos"), { countyId: "" })).toBeUndefined();
  });

  it("drops an empty list filter (nothing chosen) and keeps a chosen one", () => {
    expect(buildFilter(resource("licences"), { states: [] })).toBeUndefined();
    expect(buildFilter(resource("licences"), { states: ["ACTIVE"], q: "x" })).toEqual({ states: ["ACTIVE"], q: "x" });
  });

  it("maps sort and pagination and caps the limit", () => {
    const variables = listVariables(
      resource("ngos"),
      { q: "x" },
      { field: "name", order: "desc" },
      { offset: 20, limit: 500 },
    );
    expect(variables).toEqual({ filter: { q: "x" }, sort: { field: "name", order: "DESC" }, offset: 20, limit: 200 });
  });

  it("keeps only input-type keys, dropping id, __typename and nested read objects", () => {
    const data = {
      id: "1",
      __typename: "Ngo",
      version: 3,
      name: "سمن مهر",
      county: { id: "3", name: "کرج" },
      countyId: "3",
      createdAt: "2025-01-01T00:00:00Z",
      licenceState: "ACTIVE",
      fieldIds: ["2"],
      foundedOn: null,
    };
    expect(sanitizeInput(model.types, "NgoUpdateInput", data)).toEqual({
      name: "سمن مهر",
      countyId: "3",
      fieldIds: ["2"],
      foundedOn: null,
    });
  });

  it("keeps the ids of nested list items (to keep those records) but never the record's own id", () => {
    const data = {
      id: "1",
      name: "سمن مهر",
      boardMembers: [
        { id: "b1", ngoId: "1", name: "رئیس", role: "CHAIR", nationalCode: "0012345678", sortOrder: 0 },
        { name: "عضو تازه", role: "MEMBER", nationalCode: "0023456789" },
        { id: undefined, name: "عضو دیگر", role: "MEMBER", nationalCode: "0034567890" },
      ],
    };
    expect(sanitizeInput(model.types, "NgoUpdateInput", data)).toEqual({
      name: "سمن مهر",
      boardMembers: [
        { id: "b1", name: "رئیس", role: "CHAIR", nationalCode: "0012345678" },
        { name: "عضو تازه", role: "MEMBER", nationalCode: "0023456789" },
        { name: "عضو دیگر", role: "MEMBER", nationalCode: "0034567890" },
      ],
    });
  });

  it("sends only UserUpdateInput keys, territory cleared for the new role", () => {
    const previous = {
      id: "u1",
      username: "demo.county",
      displayName: "کارشناس فرمانداری زنجان",
      role: "COUNTY_OFFICER",
      provinceId: "19",
      countyId: "1901",
      province: { id: "19", name: "زنجان" },
      disabled: false,
    };
    const data = withRoleTerritory({ ...previous, role: "ADMIN", disabled: true });
    expect(sanitizeInput(model.types, "UserUpdateInput", data)).toEqual({
      displayName: previous.displayName,
      role: "ADMIN",
      provinceId: null,
      countyId: null,
      disabled: true,
    });
  });
});
