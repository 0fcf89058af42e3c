import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from "react-admin";

export const FONT_FAMILY = "Vazirmatn, Tahoma, sans-serif";

function rtlTheme(base: RaThemeOptions): RaThemeOptions {
  return {
    ...base,
    direction: "rtl",
    typography: { fontFamily: FONT_FAMILY, h6: { fontWeight: 400 } },
  };
}

export const lightTheme = rtlTheme(defaultLightTheme);
export const darkTheme = rtlTheme(defaultDarkTheme);
