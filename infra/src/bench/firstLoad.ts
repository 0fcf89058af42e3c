/**
 * What the browser fetches before the dashboard's first page can run: index.html and every script, module preload
 * and stylesheet it names (fonts come later, only those the page uses). Paths as index.html names them
 * (`/assets/…`). Shared by the bench (dashboard.ts) and the build-output test (dashboard/test/firstLoad.test.ts).
 */
export function firstLoadAssets(indexHtml: string): string[] {
  return [...indexHtml.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
}
