import { useTranslate } from "react-admin";
import TablePagination from "@mui/material/TablePagination";

/** Rows per page of the comparison and what-if tables (their rows are computed in full, paged in the browser). */
export const PAGE_SIZE = 50;

/** Pager of a table whose rows are all in memory; hidden when they fit on one page. */
export const LocalPagination = ({
  count,
  page,
  onPageChange,
}: {
  count: number;
  page: number;
  onPageChange: (page: number) => void;
}) => {
  const translate = useTranslate();
  return count > PAGE_SIZE ? (
    <TablePagination
      component="div"
      count={count}
      page={page}
      onPageChange={(_, next) => onPageChange(next)}
      rowsPerPage={PAGE_SIZE}
      rowsPerPageOptions={[PAGE_SIZE]}
      labelDisplayedRows={({ from, to, count: total }) =>
        translate("hamafza.evaluation.pageRange", { from, to, total })
      }
    />
  ) : null;
};
