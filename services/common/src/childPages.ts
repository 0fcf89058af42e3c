import DataLoader from "dataloader";
import { GraphQLResolveInfo } from "graphql";
import { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { RequestContext } from "./context";
import { checkPageBounds, nullsPlacement, Page, PageArgs, SortableColumns, SortInput, sortColumn } from "./list";
import { selectsOnly } from "./selection";

/** How to page the children of many parents (a nested list field such as `County.ngos`). */
export interface ChildPageOptions<T extends ObjectLiteral> {
  /** Loader name, unique per nested field (e.g. `County.ngos`). */
  name: string;
  /**
   * The root list's query for the same items: territory and filter applied exactly as the root list applies them
   * (so a nested list never shows more than the root list would).
   */
  build: () => SelectQueryBuilder<T>;
  /** Query-builder path of the column that names the parent (e.g. `ngo.countyId`). */
  parentColumn: string;
  /** The field's arguments that shape the page (filter …), part of the loader's identity. */
  filter?: unknown;
  page: PageArgs;
  sortable: SortableColumns;
  defaultSort: SortInput;
  /**
   * The nested field's resolve info. When the request selects nothing of the page but `totalCount` (an NGO's
   * `meetingsAttended { totalCount }` on every row of a list), each parent's total is one grouped `count(*)` and no
   * row is read or built.
   */
  info: GraphQLResolveInfo;
}

/**
 * A page of children per parent for every parent of a request, in ONE SQL statement whatever the number of
 * parents: the root list's query, limited to the parents, numbered per parent with `row_number()` and counted with
 * `count(*) OVER`, then joined back to the table for the page's rows (and each parent's first row, so the total is
 * known even when the page lies past the end). Parents with the same field arguments share one statement. A page
 * asked for its `totalCount` alone is counted per parent (`childCountLoader`): the same rows, grouped, none read.
 */
export function childPageLoader<T extends ObjectLiteral & { id: string }>(
  ctx: RequestContext,
  options: ChildPageOptions<T>,
): DataLoader<string, Page<T>> {
  const { offset, limit } = checkPageBounds(options.page);
  if (selectsOnly(options.info, ["totalCount"])) return childCountLoader(ctx, options);
  const sort = options.page.sort ?? options.defaultSort;
  const key = JSON.stringify([options.filter ?? null, offset, limit, sort.field, sort.order]);
  return ctx.loaders.get<string, Page<T>>(`childPage:${options.name}:${key}`, async (parentIds) => {
    const inner = options.build();
    const alias = inner.alias;
    const column = sortColumn(alias, options.sortable, sort);
    const nulls = nullsPlacement(inner, column, sort.order) ?? "";
    inner
      .andWhere(`${options.parentColumn} IN (:...childPageParents)`, { childPageParents: [...parentIds] })
      .select(`${alias}.id`, "child_id")
      .addSelect(options.parentColumn, "parent_key")
      .addSelect(
        `row_number() OVER (PARTITION BY ${options.parentColumn} ORDER BY ${column} ${sort.order} ${nulls}, ${alias}.id ASC)`,
        "rn",
      )
      .addSelect(`count(*) OVER (PARTITION BY ${options.parentColumn})`, "total");
    const outer = ctx.db
      .createQueryBuilder()
      .select("child_page_row")
      .from(inner.expressionMap.mainAlias!.target, "child_page_row")
      .innerJoin(`(${inner.getQuery()})`, "x", "x.child_id = child_page_row.id")
      .addSelect("x.parent_key", "x_parent_key")
      .addSelect("x.rn", "x_rn")
      .addSelect("x.total", "x_total")
      .where("((x.rn > :childPageOffset AND x.rn <= :childPageEnd) OR x.rn = 1)")
      .setParameters({ ...inner.getParameters(), childPageOffset: offset, childPageEnd: offset + limit })
      .orderBy("x.parent_key", "ASC")
      .addOrderBy("x.rn", "ASC");
    const { entities, raw } = await outer.getRawAndEntities<{
      child_page_row_id: string;
      x_parent_key: string;
      x_rn: string;
      x_total: string;
    }>();
    const byId = new Map(entities.map((row) => [(row as T).id, row as T]));
    const pages = new Map<string, Page<T>>();
    for (const row of raw) {
      const parent = String(row.x_parent_key);
      const page = pages.get(parent) ?? { items: [], totalCount: Number(row.x_total) };
      pages.set(parent, page);
      const item = byId.get(row.child_page_row_id);
      if (Number(row.x_rn) > offset && item) page.items.push(item);
    }
    return parentIds.map((id) => pages.get(id) ?? { items: [], totalCount: 0 });
  });
}

/**
 * Each parent's total alone, for every parent of a request in one statement: the root list's query limited to the
 * parents (the rows `childPageLoader` numbers and counts with `count(*) OVER`), grouped by parent. Its pages have
 * no items; they serve only a request that selects `totalCount` and nothing else of the page.
 */
function childCountLoader<T extends ObjectLiteral>(
  ctx: RequestContext,
  options: ChildPageOptions<T>,
): DataLoader<string, Page<T>> {
  const key = JSON.stringify(options.filter ?? null);
  return ctx.loaders.get<string, Page<T>>(`childCount:${options.name}:${key}`, async (parentIds) => {
    const rows = await options
      .build()
      .andWhere(`${options.parentColumn} IN (:...childPageParents)`, { childPageParents: [...parentIds] })
      .select(options.parentColumn, "parent_key")
      .addSelect("count(*)", "total")
      .groupBy(options.parentColumn)
      .orderBy()
      .getRawMany<{ parent_key: string; total: string }>();
    const totals = new Map(rows.map((row) => [String(row.parent_key), Number(row.total)]));
    return parentIds.map((id) => ({ items: [], totalCount: totals.get(id) ?? 0 }));
  });
}
