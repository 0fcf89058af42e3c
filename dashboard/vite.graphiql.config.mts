import { defineConfig, loadEnv } from "vite";
import react from "@vitejs/plugin-react";

/**
 * The analysts' GraphiQL page (`/graphiql`): a second, separate build into the dashboard's `dist/` (after the main
 * build, which empties it), so the dashboard's own bundles never carry GraphiQL and its Monaco editor.
 */
export default defineConfig(({ mode }) => {
  const gateway = loadEnv(mode, ".", "HAMAFZA_").HAMAFZA_GATEWAY_URL || "http://localhost:4000";
  const proxy = { "/graphql": gateway, "/auth": gateway };
  return {
    base: "/",
    plugins: [react()],
    server: { proxy },
    preview: { proxy },
    build: {
      outDir: "dist",
      emptyOutDir: false,
      chunkSizeWarningLimit: 6000,
      rolldownOptions: {
        input: { graphiql: "graphiql.html" },
        // GraphiQL's packages mark modules "use no memo" for the React compiler; bundling drops it harmlessly.
        onLog(level, log, handler) {
          if (log.code !== "MODULE_LEVEL_DIRECTIVE") handler(level, log);
        },
      },
    },
  };
});
