import { pairsOfAsks, statesLikeAsks } from "../src/resolvers/licenceStateTable";
import { LicenceState } from "../src/entities/Licence";

describe("licenceStatesOnDays' layout (pure)", () => {
  const asks = [
    { date: "2025-01-01", ngoIds: ["a", "b", "a"] },
    { date: "2025-01-02", ngoIds: [] },
    { date: "2025-01-03", ngoIds: ["c"] },
  ];

  it("flattens the asks ask by ask, each ask's NGOs in the order given (duplicates kept)", () => {
    expect(pairsOfAsks(asks)).toEqual([
      { ngoId: "a", date: "2025-01-01" },
      { ngoId: "b", date: "2025-01-01" },
      { ngoId: "a", date: "2025-01-01" },
      { ngoId: "c", date: "2025-01-03" },
    ]);
    expect(pairsOfAsks([])).toEqual([]);
  });

  it("lays the rows' states out like the asks, null where no row came (whatever the rows' order)", () => {
    const rows = [
      { index: 3, state: LicenceState.EXPIRED },
      { index: 0, state: LicenceState.ACTIVE },
      { index: 2, state: LicenceState.ACTIVE },
    ];
    expect(statesLikeAsks(asks, rows)).toEqual([["ACTIVE", null, "ACTIVE"], [], ["EXPIRED"]]);
    expect(statesLikeAsks([], [])).toEqual([]);
  });
});
