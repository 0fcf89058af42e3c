import type { PaginationRenderItemParams } from "@mui/material/Pagination";
import PaginationItem from "@mui/material/PaginationItem";
import { toPersianDigits } from "./persianDigits";

/**
 * Persian digits in every list's pagination (through the theme, so no list needs its own pagination): the page
 * buttons and the chosen page size. The range («۱-۲۵ (کل: ۴۳)») is a translated message, Persian already.
 */
export const persianPagination = {
  RaPaginationActions: {
    defaultProps: {
      renderItem: (item: PaginationRenderItemParams) => (
        <PaginationItem {...item} page={item.page === null ? null : toPersianDigits(item.page)} />
      ),
    },
  },
  MuiTablePagination: {
    defaultProps: {
      slotProps: { select: { renderValue: (value: unknown) => toPersianDigits(String(value)) } },
    },
  },
};
