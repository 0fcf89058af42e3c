import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { dedupFetcher, dedupKey } from "../src/dedup";

/** A real HTTP server that answers after a delay and counts what reached it. */
let server: Server;
let url: string;
let received = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received++;
      setTimeout(
        () =>
          res
            .writeHead(200, { "content-type": "application/json" })
            .end(JSON.stringify({ data: { echo: body.length, n: received } })),
        50,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => (received = 0));

const post = (query: string, token: string, requestId: string) => ({
  method: "POST",
  headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-request-id": requestId },
  body: JSON.stringify({ query, variables: {} }),
});

describe("dedupFetcher", () => {
  it("sends identical concurrent queries of one token once and gives each caller the answer", async () => {
    const fetcher = dedupFetcher();
    const answers = await Promise.all([1, 2, 3].map((i) => fetcher(url, post("query { a }", "t1", `r${i}`))));
    expect(received).toBe(1);
    const bodies = await Promise.all(answers.map((a) => a.json()));
    expect(bodies).toEqual([bodies[0], bodies[0], bodies[0]]);
    expect(fetcher.shared()).toBe(2);
  });

  it("does not share between tokens, between different bodies, mutations, or once the answer has arrived", async () => {
    const fetcher = dedupFetcher();
    await Promise.all([
      fetcher(url, post("query { a }", "t1", "r1")),
      fetcher(url, post("query { a }", "t2", "r2")),
      fetcher(url, post("query { b }", "t1", "r3")),
      fetcher(url, post("mutation { m }", "t1", "r4")),
      fetcher(url, post("mutation { m }", "t1", "r5")),
    ]);
    expect(received).toBe(5);
    await fetcher(url, post("query { a }", "t1", "r6"));
    expect(received).toBe(6);
    expect(fetcher.shared()).toBe(0);
  });

  it("keys on URL, body and headers other than the request id", () => {
    expect(dedupKey(url, post("{ a }", "t", "x"))).toBe(dedupKey(url, post("{ a }", "t", "y")));
    expect(dedupKey(url, post("{ a }", "t", "x"))).not.toBe(dedupKey(url, post("{ a }", "u", "x")));
    expect(dedupKey(url, { method: "POST", body: "not json" })).toBeNull();
    expect(dedupKey(url, { method: "GET" })).toBeNull();
  });

  it("tells queries from mutations with or without parsing the body (the gateway's compact JSON or any other)", () => {
    const spaced = (query: string) => ({
      method: "POST",
      body: `{ "variables": {}, "query": ${JSON.stringify(query)} }`,
    });
    for (const query of ["query Q { a }", "{ a }", "  query { a }", "\n{ a }"]) {
      expect(dedupKey(url, post(query, "t", "x"))).not.toBeNull();
      expect(dedupKey(url, spaced(query))).not.toBeNull();
    }
    for (const query of ["mutation M { m }", "queryX { a }", "subscription { s }", "# c\nquery { a }"]) {
      expect(dedupKey(url, post(query, "t", "x"))).toBeNull();
      expect(dedupKey(url, spaced(query))).toBeNull();
    }
  });
});
