import "@fontsource/vazirmatn/400.css";
import "@fontsource/vazirmatn/700.css";
import { CacheProvider } from "@emotion/react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { applyDocumentDirection, rtlCache } from "./common/rtl";

applyDocumentDirection();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <CacheProvider value={rtlCache}>
      <App />
    </CacheProvider>
  </StrictMode>,
);
