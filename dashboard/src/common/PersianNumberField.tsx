import { NumberField, type NumberFieldProps } from "react-admin";

/**
 * react-admin's NumberField in Persian: Persian digits, «٬» between thousands and «٫» before decimals («۱٬۰۷۳»),
 * whatever the browser's language (the plain NumberField follows the browser: «1,073»).
 */
export const PersianNumberField = (props: NumberFieldProps) => <NumberField locales="fa-IR" {...props} />;
