import { defineConfig, loadEnv } from "vite";
import react from "@vitejs/plugin-react";

const DEFAULT_GATEWAY = "http://localhost:4000";

const vendorGroups = [
  { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  { name: "mui", test: /node_modules[\\/](@mui|@emotion|stylis|stylis-plugin-rtl|cssjanus)[\\/]/ },
  {
    name: "react-admin",
    test: /node_modules[\\/](react-admin|ra-[^\\/]+|@tanstack|react-hook-form|react-router|react-router-dom)[\\/]/,
  },
  { name: "vendor", test: /node_modules/ },
];

export default defineConfig(({ mode }) => {
  const gateway = loadEnv(mode, ".", "HAMAFZA_").HAMAFZA_GATEWAY_URL || DEFAULT_GATEWAY;
  const proxy = { "/graphql": gateway, "/auth": gateway, "/export": gateway };
  return {
    base: "/",
    plugins: [react()],
    server: { proxy },
    preview: { proxy },
    build: {
      outDir: "dist",
      emptyOutDir: true,
      rolldownOptions: { output: { codeSplitting: { groups: vendorGroups } } },
    },
  };
});
