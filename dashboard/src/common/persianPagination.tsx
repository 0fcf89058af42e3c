import type { PaginationRenderItemParams } from "@mui/material/Pagination";
import PaginationItem from "@mui/material/PaginationItem";
import MenuItem, { type MenuItemProps } from "@mui/material/MenuItem";
import { forwardRef } from "react";
import { toPersianDigits } from "./persianDigits";

/** A page-size choice in the rows-per-page menu, its number in Persian digits («۲۵»). */
const PersianMenuItem = forwardRef<HTMLLIElement, MenuItemProps>(function PersianMenuItem({ children, ...props }, ref) {
  return (
    <MenuItem ref={ref} {...props}>
      {typeof children === "string" || typeof children === "number" ? toPersianDigits(String(children)) : children}
    </MenuItem>
  );
});

/**
 * Persian digits in every list's pagination (through the theme, so no list needs its own pagination): the page
 * buttons, the chosen page size and the choices of the rows-per-page menu. The range («۱-۲۵ (کل: ۴۳)») is a
 * translated message, Persian already.
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
      slots: { menuItem: PersianMenuItem },
      slotProps: { select: { renderValue: (value: unknown) => toPersianDigits(String(value)) } },
    },
  },
};
