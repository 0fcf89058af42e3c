import DeleteIcon from "@mui/icons-material/Delete";
import DownloadIcon from "@mui/icons-material/Download";
import UploadFileIcon from "@mui/icons-material/UploadFile";
import Button from "@mui/material/Button";
import IconButton from "@mui/material/IconButton";
import MenuItem from "@mui/material/MenuItem";
import Stack from "@mui/material/Stack";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import TextField from "@mui/material/TextField";
import Tooltip from "@mui/material/Tooltip";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useCanAccess, useNotify, useRecordContext, useTranslate } from "react-admin";
import { graphqlQuery, useGraphQL, useHamafzaDataProvider, useInvalidateOperations } from "../common/graphqlOperations";
import { formatJalali } from "../common/jalali";
import { formatPersianNumber } from "../common/persianDigits";
import { Section } from "../meetings/MeetingShow";
import {
  ACCEPTED_FILES,
  ATTACHMENT_KINDS,
  ATTACHMENTS_QUERIES,
  type AttachmentItem,
  type AttachmentRecordType,
  REMOVE_OPERATIONS,
} from "./attachmentOperations";
import { downloadAttachment, uploadAttachment } from "./attachmentHttp";

/** A size in kilobytes or megabytes, Persian digits, as a translation of `hamafza.attachments.kb|mb`. */
const sizeText = (translate: (key: string, options?: object) => string, bytes: number) =>
  bytes < 1024 * 1024
    ? translate("hamafza.attachments.kb", { n: formatPersianNumber(Math.max(1, Math.round(bytes / 1024))) })
    : translate("hamafza.attachments.mb", { n: formatPersianNumber(Math.round((bytes / 1024 / 1024) * 10) / 10) });

/**
 * The files attached to the record on screen (a meeting, resolution, project or licence): the list with downloads,
 * and for those who may change the record an upload with its kind and a remove button.
 */
export const AttachmentsPanel = ({
  record: recordType,
  resource,
}: {
  record: AttachmentRecordType;
  resource: string;
}) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useHamafzaDataProvider();
  const graphql = useGraphQL();
  const invalidate = useInvalidateOperations();
  const { canAccess: canWrite } = useCanAccess({ resource, action: "edit", record });
  const kinds = ATTACHMENT_KINDS[recordType];
  const [kind, setKind] = useState(kinds[0]);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const document = ATTACHMENTS_QUERIES[recordType];
  const { data, isPending } = useQuery({
    ...graphqlQuery<{ record: { attachments: AttachmentItem[] } | null }>(dataProvider, document, { id: record?.id }),
    enabled: !!record?.id,
  });
  if (!record) return null;
  const items = data?.record?.attachments ?? [];
  const failed = (error: unknown) => notify((error as Error).message, { type: "error" });

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      await uploadAttachment(recordType, String(record.id), kind, file);
      notify("hamafza.attachments.uploaded", { type: "success" });
      await invalidate(document);
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  };
  const remove = async (attachment: AttachmentItem) => {
    if (!window.confirm(translate("hamafza.attachments.confirmRemove", { name: attachment.fileName }))) return;
    try {
      await graphql(REMOVE_OPERATIONS[recordType], { id: attachment.id });
      await invalidate(document);
    } catch (error) {
      failed(error);
    }
  };

  return (
    <Section title="hamafza.attachments.title" testId="attachments-panel">
      {items.length === 0 ? (
        <Typography color="text.secondary">
          {translate(isPending ? "ra.page.loading" : "hamafza.attachments.empty")}
        </Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate("hamafza.attachments.fileName")}</TableCell>
              <TableCell>{translate("hamafza.attachments.kind")}</TableCell>
              <TableCell>{translate("hamafza.attachments.size")}</TableCell>
              <TableCell>{translate("hamafza.attachments.uploadedBy")}</TableCell>
              <TableCell>{translate("hamafza.attachments.uploadedAt")}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((attachment) => (
              <TableRow key={attachment.id}>
                <TableCell>{attachment.fileName}</TableCell>
                <TableCell>{translate(`hamafza.attachments.kinds.${attachment.kind}`)}</TableCell>
                <TableCell>{sizeText(translate, attachment.sizeBytes)}</TableCell>
                <TableCell>{attachment.uploadedBy ?? "—"}</TableCell>
                <TableCell>{formatJalali(attachment.createdAt, { showTime: true })}</TableCell>
                <TableCell align="left">
                  <Tooltip title={translate("hamafza.attachments.download")}>
                    <IconButton onClick={() => downloadAttachment(attachment).catch(failed)}>
                      <DownloadIcon />
                    </IconButton>
                  </Tooltip>
                  {canWrite && (
                    <Tooltip title={translate("hamafza.attachments.remove")}>
                      <IconButton color="error" onClick={() => remove(attachment)}>
                        <DeleteIcon />
                      </IconButton>
                    </Tooltip>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canWrite && (
        <Stack direction="row" gap={2} alignItems="center" sx={{ mt: 2 }}>
          <TextField
            select
            size="small"
            label={translate("hamafza.attachments.kind")}
            value={kind}
            onChange={(event) => setKind(event.target.value)}
            sx={{ minWidth: 200 }}
          >
            {kinds.map((value) => (
              <MenuItem key={value} value={value}>
                {translate(`hamafza.attachments.kinds.${value}`)}
              </MenuItem>
            ))}
          </TextField>
          <Button
            variant="outlined"
            startIcon={<UploadFileIcon />}
            disabled={busy}
            onClick={() => input.current?.click()}
          >
            {translate(busy ? "hamafza.attachments.uploading" : "hamafza.attachments.upload")}
          </Button>
          <input
            ref={input}
            type="file"
            hidden
            accept={ACCEPTED_FILES}
            data-testid="attachment-file"
            onChange={(event) => upload(event.target.files?.[0])}
          />
          <Typography variant="caption" color="text.secondary">
            {translate("hamafza.attachments.help")}
          </Typography>
        </Stack>
      )}
    </Section>
  );
};
