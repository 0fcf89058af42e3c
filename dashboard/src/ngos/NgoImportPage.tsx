import DownloadIcon from "@mui/icons-material/Download";
import FactCheckIcon from "@mui/icons-material/FactCheck";
import FolderOpenIcon from "@mui/icons-material/FolderOpen";
import UploadIcon from "@mui/icons-material/Upload";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import MuiButton from "@mui/material/Button";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Chip from "@mui/material/Chip";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type ChangeEvent } from "react";
import { LinkBase, Loading, Title, useCanAccess, useNotify, useTranslate } from "react-admin";
import { formatPersianNumber, toPersianDigits } from "../common/persianDigits";
import { useHamafzaDataProvider } from "../common/graphqlOperations";
import { TEMPLATE_HEADERS } from "./importColumns";
import { IMPORT_NGOS } from "./ngoOperations";

export { NGO_IMPORT_PATH } from "./paths";

export interface ImportProblem {
  row: number;
  column: string | null;
  field: string;
  message: string;
  value: string | null;
}

export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  rowCount: number;
  importedCount: number;
  problemCount: number;
  recognisedColumns: string[];
  ignoredColumns: string[];
  ngoIds: string[];
  durationMs: number;
  problems: ImportProblem[];
}

/**
 * Largest file sent in one request (the JSON body limit, MAX_GRAPHQL_BODY_BYTES, is 2 MiB): room for the API's
 * 10,000 rows (MAX_IMPORT_ROWS) of typical columns; a larger file is refused here, before it is sent.
 */
const MAX_FILE_BYTES = 1_900_000;

function downloadTemplate() {
  // With a BOM, so spreadsheet programs read the Persian headers as UTF-8.
  const blob = new Blob([`\uFEFF${TEMPLATE_HEADERS.join(",")}\r\n`], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = "hamafza-ngos-template.csv";
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * Import NGOs from a CSV file: check it first (dry run), read the per-row Persian report, then import. The server
 * rejects a file with any problem as a whole, so nothing is half-imported.
 */
export const NgoImportPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useHamafzaDataProvider();
  const queryClient = useQueryClient();
  const { canAccess, isPending: checkingAccess } = useCanAccess({ resource: "ngos", action: "import" });
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; size: number; text: string }>();
  const [report, setReport] = useState<ImportReport>();
  const [checkedText, setCheckedText] = useState<string>();
  const [problem, setProblem] = useState<string>();
  // A dry run checks the file; the import itself runs only on the very text that was checked.
  const importCsv = useMutation({
    mutationFn: ({ csv, dryRun }: { csv: string; dryRun: boolean }) =>
      dataProvider.graphql<{ importNgos: ImportReport }>(IMPORT_NGOS, { csv, dryRun }),
    onMutate: () => setProblem(undefined),
    onSuccess: ({ importNgos }, { csv, dryRun }) => {
      setReport(importNgos);
      if (dryRun && importNgos.ok) setCheckedText(csv);
      if (!dryRun && importNgos.ok) {
        notify("hamafza.import.imported", {
          type: "success",
          messageArgs: { count: formatPersianNumber(importNgos.importedCount) },
        });
        return queryClient.invalidateQueries({ queryKey: ["ngos"] });
      }
    },
    onError: (error) => {
      setReport(undefined);
      setProblem(error.message);
    },
  });
  const pending = importCsv.isPending ? (importCsv.variables?.dryRun ? "check" : "import") : undefined;

  if (checkingAccess) return <Loading />;
  if (!canAccess) return <Alert severity="warning">{translate("hamafza.import.forbidden")}</Alert>;

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = "";
    setReport(undefined);
    setProblem(undefined);
    setCheckedText(undefined);
    if (!chosen) return;
    if (chosen.size > MAX_FILE_BYTES) {
      setFile(undefined);
      setProblem(translate("hamafza.import.tooLarge"));
      return;
    }
    setFile({ name: chosen.name, size: chosen.size, text: await chosen.text() });
  };

  const run = (dryRun: boolean) => {
    if (file) importCsv.mutate({ csv: file.text, dryRun });
  };

  const imported = report && !report.dryRun && report.ok;

  return (
    <Box sx={{ mt: 2, display: "flex", flexDirection: "column", gap: 2 }}>
      <Title title={translate("hamafza.import.title")} />
      <Card>
        <CardContent sx={{ display: "flex", flexDirection: "column", gap: 1.5 }}>
          <Typography variant="h5" component="h1">
            {translate("hamafza.import.title")}
          </Typography>
          <Typography variant="body2">{translate("hamafza.import.intro")}</Typography>
          <Typography variant="body2" color="text.secondary">
            {translate("hamafza.import.formats")}
          </Typography>
          <Box sx={{ display: "flex", flexWrap: "wrap", gap: 0.5 }}>
            {TEMPLATE_HEADERS.map((header) => (
              <Chip key={header} label={header} size="small" variant="outlined" />
            ))}
          </Box>
          <Box sx={{ display: "flex", flexWrap: "wrap", gap: 1, alignItems: "center" }}>
            <MuiButton startIcon={<DownloadIcon />} onClick={downloadTemplate}>
              {translate("hamafza.import.template")}
            </MuiButton>
            <input
              ref={fileInput}
              type="file"
              accept=".csv,text/csv,text/plain"
              hidden
              onChange={choose}
              aria-label={translate("hamafza.import.chooseFile")}
              data-testid="csv-file"
            />
            <MuiButton variant="outlined" startIcon={<FolderOpenIcon />} onClick={() => fileInput.current?.click()}>
              {translate("hamafza.import.chooseFile")}
            </MuiButton>
            {file && (
              <Typography variant="body2" component="span" data-testid="csv-file-name">
                {translate("hamafza.import.chosen", {
                  name: file.name,
                  size: formatPersianNumber(Math.ceil(file.size / 1024)),
                })}
              </Typography>
            )}
          </Box>
          <Box sx={{ display: "flex", flexWrap: "wrap", gap: 1 }}>
            <MuiButton
              variant="outlined"
              startIcon={<FactCheckIcon />}
              disabled={!file || pending !== undefined}
              onClick={() => run(true)}
            >
              {translate(pending === "check" ? "hamafza.import.checking" : "hamafza.import.check")}
            </MuiButton>
            <MuiButton
              variant="contained"
              startIcon={<UploadIcon />}
              disabled={!file || checkedText !== file.text || pending !== undefined || Boolean(imported)}
              onClick={() => run(false)}
            >
              {translate(pending === "import" ? "hamafza.import.importing" : "hamafza.import.import")}
            </MuiButton>
          </Box>
          <Typography variant="caption" color="text.secondary">
            {translate("hamafza.import.checkFirst")}
          </Typography>
        </CardContent>
      </Card>
      {problem && (
        <Alert severity="error" role="alert">
          {problem}
        </Alert>
      )}
      {report && <ImportReportView report={report} />}
    </Box>
  );
};

export const ImportReportView = ({ report }: { report: ImportReport }) => {
  const translate = useTranslate();
  const n = (value: number) => formatPersianNumber(value);
  const summary = report.ok
    ? report.dryRun
      ? translate("hamafza.import.dryRunOk", { rows: n(report.rowCount) })
      : translate("hamafza.import.importedOk", { count: n(report.importedCount) })
    : translate("hamafza.import.rejected", { rows: n(report.rowCount), problems: n(report.problemCount) });
  return (
    <Card data-testid="import-report">
      <CardContent sx={{ display: "flex", flexDirection: "column", gap: 1.5 }}>
        <Alert severity={report.ok ? "success" : "error"} data-testid="import-summary">
          {summary}
          {report.ok && !report.dryRun && (
            <>
              {" "}
              <LinkBase to="/ngos">{translate("hamafza.import.toList")}</LinkBase>
            </>
          )}
        </Alert>
        <Typography variant="body2">
          {translate("hamafza.import.columns")}: {report.recognisedColumns.join("، ") || "—"}
        </Typography>
        {report.ignoredColumns.length > 0 && (
          <Alert severity="warning">
            {translate("hamafza.import.ignoredColumns")}: {report.ignoredColumns.join("، ")}
          </Alert>
        )}
        {report.problems.length > 0 && (
          <TableContainer sx={{ maxHeight: 560 }}>
            <Table
              size="small"
              stickyHeader
              aria-label={translate("hamafza.import.problems")}
              data-testid="import-problems"
            >
              <TableHead>
                <TableRow>
                  <TableCell>{translate("hamafza.import.row")}</TableCell>
                  <TableCell>{translate("hamafza.import.column")}</TableCell>
                  <TableCell>{translate("hamafza.import.value")}</TableCell>
                  <TableCell>{translate("hamafza.import.message")}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {report.problems.map((problem, index) => (
                  <TableRow key={`${problem.row}-${problem.field}-${index}`}>
                    <TableCell>{toPersianDigits(problem.row)}</TableCell>
                    <TableCell>{problem.column ?? "—"}</TableCell>
                    <TableCell dir="auto" sx={{ unicodeBidi: "plaintext" }}>
                      {problem.value ?? "—"}
                    </TableCell>
                    <TableCell>{problem.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
        {report.problemCount > report.problems.length && (
          <Typography variant="caption">
            {translate("hamafza.import.moreProblems", {
              shown: n(report.problems.length),
              total: n(report.problemCount),
            })}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
};
