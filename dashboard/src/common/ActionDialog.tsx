import Alert from "@mui/material/Alert";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogContentText from "@mui/material/DialogContentText";
import DialogTitle from "@mui/material/DialogTitle";
import MuiButton from "@mui/material/Button";
import { useState, type ReactElement, type ReactNode } from "react";
import { Button, Form, HttpError, useNotify, useRefresh, useTranslate } from "react-admin";

const NO_RECORD = {};

export interface ActionDialogButtonProps {
  /** Button label (a translation key or Persian text). */
  label: string;
  icon?: ReactElement;
  title?: string;
  intro?: ReactNode;
  /** The form's inputs (react-admin inputs: their sources are the operation's input fields). */
  children?: ReactNode;
  defaultValues?: Record<string, unknown>;
  /** Runs the operation; a refused input's field problems are shown under the inputs. */
  onSubmit: (values: Record<string, unknown>) => Promise<unknown>;
  submitLabel?: string;
  successMessage?: string;
  color?: "primary" | "error" | "warning" | "success" | "inherit";
  disabled?: boolean;
  /** Called after a success (after the page's data is refreshed). */
  onDone?: (result: unknown) => void;
}

/**
 * A button opening a dialog with a small form (licence transitions, ending a tenure …). The server's Persian
 * message is shown in the dialog; per-field problems (`BAD_USER_INPUT`) go under their inputs.
 */
export const ActionDialogButton = ({
  label,
  icon,
  title,
  intro,
  children,
  defaultValues,
  onSubmit,
  submitLabel = "hamafza.actions.confirm",
  successMessage = "hamafza.actions.done",
  color = "primary",
  disabled,
  onDone,
}: ActionDialogButtonProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [pending, setPending] = useState(false);
  const t = (text: string) => translate(text, { _: text });

  const close = () => {
    if (pending) return;
    setOpen(false);
    setProblem(undefined);
  };

  const submit = async (values: Record<string, unknown>) => {
    setPending(true);
    setProblem(undefined);
    try {
      const result = await onSubmit(values);
      notify(successMessage, { type: "success" });
      setOpen(false);
      refresh();
      onDone?.(result);
      return undefined;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setProblem(message);
      const fields =
        error instanceof HttpError
          ? (error.body as { errors?: Record<string, string> } | undefined)?.errors
          : undefined;
      return fields;
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button label={label} onClick={() => setOpen(true)} color={color} disabled={disabled}>
        {icon}
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-labelledby="action-dialog-title">
        <DialogTitle id="action-dialog-title">{t(title ?? label)}</DialogTitle>
        {/* Its own values only: not the page's record (an NGO, a licence) as react-admin forms would take. */}
        <Form onSubmit={submit} defaultValues={defaultValues} record={NO_RECORD} noValidate>
          <DialogContent sx={{ display: "flex", flexDirection: "column", gap: 0 }}>
            {intro && (
              <DialogContentText sx={{ mb: 2 }}>{typeof intro === "string" ? t(intro) : intro}</DialogContentText>
            )}
            {problem && (
              <Alert severity="error" sx={{ mb: 2 }} role="alert">
                {problem}
              </Alert>
            )}
            {children}
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={close} disabled={pending}>
              {translate("hamafza.actions.cancel")}
            </MuiButton>
            <MuiButton
              type="submit"
              variant="contained"
              color={color === "inherit" ? "primary" : color}
              disabled={pending}
            >
              {t(submitLabel)}
            </MuiButton>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
