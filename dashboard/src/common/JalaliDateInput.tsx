import { useMemo, useReducer, useRef } from "react";
import { TextInput, type TextInputProps, type Validator } from "react-admin";
import { EXAMPLE, jalaliDateProblem, jalaliFormValue, jalaliInputText, type JalaliBounds } from "./jalaliInput";

export interface JalaliDateInputProps extends Omit<TextInputProps, "format" | "parse" | "type">, JalaliBounds {}

/**
 * A calendar day typed in Jalali (`1403/05/12`, Persian or Latin digits), kept in the form as the Gregorian
 * `YYYY-MM-DD` the API's `Date` scalar takes. While the text is not a valid day the form holds `{ jalaliText }`
 * and the input shows a Persian message; on leaving the input a valid day is shown again as `۱۴۰۳/۰۵/۱۲`.
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
      slotProps={{ htmlInput: { dir: "ltr", inputMode: "numeric", autoComplete: "off" } }}
    />
  );
};
