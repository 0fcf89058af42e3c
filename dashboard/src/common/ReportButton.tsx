import PrintIcon from "@mui/icons-material/Print";
import { useState } from "react";
import { Button, useNotify } from "react-admin";
import { authenticatedDownload, DownloadRefused } from "./authenticatedDownload";

/**
 * «چاپ گزارش»: a printable Persian PDF report of the gateway (`/reports/<kind>/<id>.pdf`, docs/reports.md), opened
 * in a new tab with the user's own territory applied.
 */
export function ReportButton({ path, fileName, label = "hamafza.reports.print" }: ReportButtonProps) {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const print = async () => {
    setBusy(true);
    try {
      await authenticatedDownload(path, fileName, {}, true);
    } catch (error) {
      notify(error instanceof DownloadRefused ? error.message : "hamafza.reports.failed", { type: "error" });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label={label} onClick={print} disabled={busy}>
      <PrintIcon />
    </Button>
  );
}

export interface ReportButtonProps {
  /** The report's path under the gateway, e.g. `/reports/meetings/<id>.pdf`. */
  path: string;
  /** The file name when the browser saves rather than shows it. */
  fileName: string;
  /** A translation key for the button's label. */
  label?: string;
}
