/** What the gateway's download routes (export, calendar feed) share: reading a paged list, naming the file. */

/**
 * One page of a paged GraphQL list (the list convention's `{ totalCount, items }`); `totalCount` only when the
 * operation asked for it (asking costs a COUNT per page, so later pages leave it out).
 */
export interface ListPage<T> {
  totalCount?: number;
  items: T[];
}

/**
 * Reads a paged list page by page from offset 0 and hands each page's items to `each`, until a page is short, the
 * first page's `totalCount` (when asked) is reached or (with `maxItems`) that many items were read. `first`, when the caller has
 * already read the page at offset 0 (e.g. to check its size before answering), is used instead of reading it again.
 */
export async function forEachPage<T>(
  read: (offset: number) => Promise<ListPage<T>>,
  pageSize: number,
  each: (items: T[]) => Promise<void> | void,
  options: { first?: ListPage<T>; maxItems?: number } = {},
): Promise<void> {
  const first = options.first ?? (await read(0));
  let page = first;
  let offset = 0;
  for (;;) {
    await each(page.items);
    offset += page.items.length;
    if (page.items.length < pageSize) return;
    if (first.totalCount !== undefined && offset >= first.totalCount) return;
    if (options.maxItems !== undefined && offset >= options.maxItems) return;
    page = await read(offset);
  }
}

/**
 * `attachment` (or `inline`: shown by the browser, e.g. a PDF) with an ASCII fallback and the UTF-8 name (RFC 6266),
 * so Persian file names survive. RFC 5987 leaves ' ( ) * reserved, which encodeURIComponent keeps: escaped too.
 */
export function attachmentDisposition(fileName: string, disposition: "attachment" | "inline" = "attachment"): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
