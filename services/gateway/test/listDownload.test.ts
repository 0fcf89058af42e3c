import { attachmentDisposition, forEachPage, ListPage } from "../src/listDownload";

/** A paged list of `total` numbers, as a GraphQL list answers `offset`/`limit`, recording the offsets asked. */
function list(total: number, pageSize: number) {
  const asked: number[] = [];
  const read = async (offset: number): Promise<ListPage<number>> => {
    asked.push(offset);
    const items = Array.from({ length: Math.max(0, Math.min(pageSize, total - offset)) }, (_, i) => offset + i);
    return { totalCount: total, items };
  };
  return { asked, read };
}

async function readAll(total: number, pageSize: number, options: { maxItems?: number; first?: boolean } = {}) {
  const { asked, read } = list(total, pageSize);
  const first = options.first ? await read(0) : undefined;
  const seen: number[] = [];
  await forEachPage(read, pageSize, (items) => void seen.push(...items), { first, maxItems: options.maxItems });
  return { asked, seen };
}

describe("reading a paged list page by page", () => {
  it("reads every item once, in order, and stops at the total", async () => {
    const { asked, seen } = await readAll(450, 200);
    expect(asked).toEqual([0, 200, 400]);
    expect(seen).toEqual(Array.from({ length: 450 }, (_, i) => i));
  });

  it("does not ask again after a full last page", async () => {
    const { asked, seen } = await readAll(400, 200);
    expect(asked).toEqual([0, 200]);
    expect(seen).toHaveLength(400);
  });

  it("reads an empty list once", async () => {
    expect(await readAll(0, 200)).toEqual({ asked: [0], seen: [] });
  });

  it("stops at maxItems (the calendar feed's bound)", async () => {
    const { asked, seen } = await readAll(5000, 200, { maxItems: 2000 });
    expect(asked).toHaveLength(10);
    expect(seen).toHaveLength(2000);
  });

  it("uses a first page the caller already read instead of asking for it again (the export)", async () => {
    const { asked, seen } = await readAll(250, 200, { first: true });
    expect(asked).toEqual([0, 200]);
    expect(seen).toHaveLength(250);
  });

  it("stops at a short page even when the total said more (rows deleted meanwhile)", async () => {
    const asked: number[] = [];
    const read = async (offset: number) => {
      asked.push(offset);
      return { totalCount: 1000, items: offset === 0 ? [1, 2, 3] : [4] };
    };
    const seen: number[] = [];
    await forEachPage(read, 200, (items) => void seen.push(...items));
    expect(asked).toEqual([0]);
    expect(seen).toEqual([1, 2, 3]);
  });
});

describe("Content-Disposition of a download", () => {
  it("keeps an ASCII name as it is, in both forms", () => {
    expect(attachmentDisposition("meeting-1.ics")).toBe(
      `attachment; filename="meeting-1.ics"; filename*=UTF-8''meeting-1.ics`,
    );
  });

  it("gives a Persian name an ASCII fallback and its UTF-8 form (RFC 6266)", () => {
    const header = attachmentDisposition("سمن‌ها.csv");
    expect(header).toMatch(/^attachment; filename="_+\.csv"; filename\*=UTF-8''/);
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe("سمن‌ها.csv");
  });

  it("cannot be broken out of by quotes or backslashes in the name", () => {
    expect(attachmentDisposition('a"b\\c.xlsx')).toContain('filename="a_b_c.xlsx"');
  });
});
