import { useMemo, useReducer, useRef } from "react";
import { TextInput, useWrappedSource, type TextInputProps, type Validator } from "react-admin";
import { useFormContext, useWatch } from "react-hook-form";
import { JalaliCalendarButton } from "./JalaliCalendarButton";
import {
  EXAMPLE,
  isIsoDay,
  jalaliDateProblem,
  jalaliFormValue,
  jalaliInputText,
  latestPickableDay,
  type JalaliBounds,
} from "./jalaliInput";

export interface JalaliDateInputProps extends Omit<TextInputProps, "format" | "parse" | "type">, JalaliBounds {}

/**
 * A calendar day typed in Jalali (`1403/05/12`, Persian or Latin digits) or clicked in the Jalali calendar its
 * button opens, kept in the form as the Gregorian `YYYY-MM-DD` the API's `Date` scalar takes. While the text is not
 * a valid day the form holds `{ jalaliText }` and the input shows a Persian message; on leaving the input a valid day
 * is shown again as `۱۴۰۳/۰۵/۱۲`.
 */
export const JalaliDateInput = ({ min, max, notInFuture, validate, helperText, ...props }: JalaliDateInputProps) => {
  // What the user typed, shown as typed (not reformatted under the cursor) until the input loses focus.
  const typed = useRef<{ text: string; value: unknown } | undefined>(undefined);
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const validators = useMemo(() => {
    const check: Validator = (value) => jalaliDateProblem(value, { min, max, notInFuture });
    const others = Array.isArray(validate) ? validate : validate ? [validate] : [];
    return [check, ...others];
  }, [min, max, notInFuture, validate]);
  const source = useWrappedSource(props.source);
  const { setValue } = useFormContext();
  const value: unknown = useWatch({ name: source });

  return (
    <TextInput
      placeholder={EXAMPLE}
      helperText={helperText ?? "hamafza.date.help"}
      {...props}
      validate={validators}
      format={(value: unknown) =>
        typed.current && typed.current.value === value ? typed.current.text : jalaliInputText(value)
      }
      parse={(text: string) => {
        const value = jalaliFormValue(text ?? "");
        typed.current = { text: text ?? "", value };
        return value;
      }}
      onBlur={(event) => {
        typed.current = undefined;
        rerender();
        props.onBlur?.(event);
      }}
      slotProps={{
        htmlInput: { dir: "ltr", inputMode: "numeric", autoComplete: "off" },
        input: {
          endAdornment: (
            <JalaliCalendarButton
              value={isIsoDay(value) ? value : null}
              min={min}
              max={latestPickableDay({ max, notInFuture })}
              disabled={props.disabled || props.readOnly}
              onPick={(iso) => {
                typed.current = undefined;
                setValue(source, iso, { shouldDirty: true, shouldTouch: true, shouldValidate: true });
              }}
            />
          ),
        },
      }}
    />
  );
};
