import Box from "@mui/material/Box";
import DownloadIcon from "@mui/icons-material/Download";
import { useState } from "react";
import { Button, useNotify, useTranslate } from "react-admin";
import { MEETING_KIND_LABELS } from "../meetings/meetingEnums";
import { exportBody } from "./exportBody";
import { downloadReport } from "./exportReport";
import type { Report, ReportFilters } from "./reportTypes";

/** CSV and XLSX of the report as filtered on screen, written by the gateway (POST /export). */
export const ExportButtons = ({ report, filters }: { report: Report; filters: ReportFilters }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async (format: "csv" | "xlsx") => {
    setBusy(true);
    try {
      await downloadReport(
        exportBody(report, filters, format, translate, MEETING_KIND_LABELS),
        translate("hamafza.analytics.exportFailed"),
      );
    } catch (error) {
      notify(error instanceof Error ? error.message : translate("hamafza.analytics.exportFailed"), { type: "error" });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box sx={{ display: "flex", gap: 1 }}>
      {(["csv", "xlsx"] as const).map((format) => (
        <Button
          key={format}
          variant="outlined"
          disabled={busy}
          label={translate(`hamafza.analytics.export.${format}`)}
          onClick={() => void download(format)}
          startIcon={<DownloadIcon />}
        />
      ))}
    </Box>
  );
};
