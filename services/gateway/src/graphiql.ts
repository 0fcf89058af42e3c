import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import express from "express";

/**
 * The analysts' GraphiQL page at `/graphiql` (built by the dashboard into `graphiql.html`; its bundled assets are
 * served with the dashboard's). The page is a static shell like the dashboard's own: it carries no data, and
 * without a signed-in session it sends the user to the sign-in form; every query it sends needs the user's token.
 * Registered before the dashboard's catch-all route. Nothing is served when the page was not built.
 */
export function serveGraphiql(app: express.Express, dashboardDir: string): void {
  const file = join(dashboardDir, "graphiql.html");
  if (!existsSync(file)) return;
  const html = readFileSync(file, "utf8");
  app.get(["/graphiql", "/graphiql/"], (_req, res) => {
    res.setHeader("Cache-Control", "no-cache");
    res.type("html").send(html);
  });
}
