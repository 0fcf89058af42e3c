import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useState } from "react";
import { useInput, useTranslate, ValidationError, type Validator } from "react-admin";
import { JalaliCalendarButton } from "../common/JalaliCalendarButton";
import { EXAMPLE, isoToJalaliText, jalaliFormValue } from "../common/jalaliInput";
import { toPersianDigits } from "../common/persianDigits";
import { splitTehranInstant, tehranInstant } from "../engagement/periods";

export interface TehranDateTimeInputProps {
  source: string;
  label?: string;
  required?: boolean;
  defaultTime?: string;
}

const INVALID = { invalidDateTime: true };

/**
 * An instant typed as a Jalali day (or clicked in the Jalali calendar) and a Tehran `HH:MM` time, kept in the form
 * as the UTC ISO instant the API's `DateTimeISO` takes (Tehran is UTC+03:30 all year).
 */
export const TehranDateTimeInput = ({
  source,
  label,
  required = false,
  defaultTime = "10:00",
}: TehranDateTimeInputProps) => {
  const translate = useTranslate();
  const check: Validator = (value) => {
    if (value === INVALID || (value && typeof value === "object")) return translate("hamafza.meetings.invalidDateTime");
    if (required && !value) return "ra.validation.required";
    return undefined;
  };
  const { field, fieldState, isRequired } = useInput({ source, validate: check });
  const initial = splitTehranInstant(field.value);
  const [dayText, setDayText] = useState(initial.day ? isoToJalaliText(initial.day) : "");
  // The time in Persian digits like every number on screen (typed Latin digits are read too, and shown Persian
  // once the input is left).
  const [time, setTime] = useState(toPersianDigits(initial.time ?? defaultTime));

  const update = (nextDay: string, nextTime: string) => {
    setDayText(nextDay);
    setTime(nextTime);
    if (!nextDay.trim()) return field.onChange(null);
    const day = jalaliFormValue(nextDay);
    const instant = typeof day === "string" ? tehranInstant(day, nextTime) : undefined;
    field.onChange(instant ?? INVALID);
  };
  const typedDay = jalaliFormValue(dayText);
  const labelText = translate(label ?? `resources.meetings.fields.${source}`, { _: label ?? source });
  const error = fieldState.invalid ? fieldState.error?.message : undefined;
  return (
    <Stack direction="row" spacing={1} alignItems="flex-start" sx={{ mb: 1 }} data-source={source}>
      <TextField
        label={translate("hamafza.meetings.dateOf", { label: labelText })}
        name={`${source}.day`}
        value={dayText}
        placeholder={EXAMPLE}
        required={isRequired || required}
        onChange={(event) => update(event.target.value, time)}
        onBlur={field.onBlur}
        error={Boolean(error)}
        size="small"
        slotProps={{
          htmlInput: { dir: "ltr", inputMode: "numeric", autoComplete: "off" },
          input: {
            endAdornment: (
              <JalaliCalendarButton
                value={typeof typedDay === "string" ? typedDay : null}
                onPick={(iso) => update(isoToJalaliText(iso), time)}
              />
            ),
          },
        }}
      />
      <TextField
        label={translate("hamafza.meetings.timeTehran")}
        name={`${source}.time`}
        value={time}
        placeholder={toPersianDigits("10:30")}
        onBlur={() => {
          setTime(toPersianDigits(time));
          field.onBlur();
        }}
        onChange={(event) => update(dayText, event.target.value)}
        error={Boolean(error)}
        size="small"
        sx={{ width: 120 }}
        slotProps={{ htmlInput: { dir: "ltr", inputMode: "numeric", autoComplete: "off" } }}
      />
      {error && (
        <Typography variant="caption" color="error" sx={{ pt: 1 }}>
          {/* react-admin keeps a validator's message as `@@react-admin@@"…"`: ValidationError reads and translates it */}
          <ValidationError error={error} />
        </Typography>
      )}
    </Stack>
  );
};
