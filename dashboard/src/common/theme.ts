import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from "react-admin";
import { persianPagination } from "./persianPagination";

export const FONT_FAMILY = "Vazirmatn, Tahoma, sans-serif";

/**
 * On a phone (390 px) nothing may push the page sideways: the layout's content may shrink below its children's
 * width, a list's content (a wide table of a list without a phone layout) scrolls inside itself, filters wrap.
 */
const narrowScreenOverrides = {
  // react-admin makes the whole page as wide as its widest table (`min-width: fit-content`): not on a phone.
  RaLayout: {
    styleOverrides: {
      root: { "@media (max-width: 599.95px)": { minWidth: 0 }, "& .RaLayout-content": { minWidth: 0 } },
    },
  },
  RaList: {
    styleOverrides: { root: { "& .RaList-main": { minWidth: 0 }, "& .RaList-content": { overflowX: "auto" } } },
  },
  RaFilterForm: { styleOverrides: { root: { flexWrap: "wrap", maxWidth: "100%" } } },
};

function rtlTheme(base: RaThemeOptions): RaThemeOptions {
  return {
    ...base,
    direction: "rtl",
    typography: { fontFamily: FONT_FAMILY, h6: { fontWeight: 400 } },
    components: { ...base.components, ...narrowScreenOverrides, ...persianPagination },
  };
}

export const lightTheme = rtlTheme(defaultLightTheme);
export const darkTheme = rtlTheme(defaultDarkTheme);
