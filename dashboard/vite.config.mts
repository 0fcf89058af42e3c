import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { defineConfig, loadEnv, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

const DEFAULT_GATEWAY = "http://localhost:4000";

/**
 * Vendor chunks for the first load only: React (every page needs it) as one long-lived chunk. Everything else —
 * react-admin, MUI and the rest — is split by use: what the sign-in page, the layout and the menu need ships at the
 * first load, what only some pages need ships with them (each resource's pages are `lazyPage`s, see
 * src/common/lazyPage.tsx). A catch-all vendor group would pull every library into the first load again.
 */
const vendorGroups = [{ name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }];

/**
 * Writes `<file>.br` (brotli at quality 11, the highest: slow, so done once here rather than per request) beside
 * every script and stylesheet of the build; the gateway sends those to clients that accept br
 * (services/gateway/src/compression.ts, `precompressedAssets`).
 */
function precompressAssets(): Plugin {
  return {
    name: "hamafza-precompress-assets",
    apply: "build",
    writeBundle(options, bundle) {
      const dir = options.dir ?? "dist";
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css)$/.test(fileName)) continue;
        const source = readFileSync(join(dir, fileName));
        const packed = brotliCompressSync(source, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
          },
        });
        if (packed.length < source.length) writeFileSync(join(dir, `${fileName}.br`), packed);
      }
    },
  };
}

export default defineConfig(({ mode }) => {
  const gateway = loadEnv(mode, ".", "HAMAFZA_").HAMAFZA_GATEWAY_URL || DEFAULT_GATEWAY;
  const proxy = { "/graphql": gateway, "/auth": gateway, "/export": gateway };
  return {
    base: "/",
    plugins: [react(), precompressAssets()],
    server: { proxy },
    preview: { proxy },
    build: {
      outDir: "dist",
      emptyOutDir: true,
      rolldownOptions: { output: { codeSplitting: { groups: vendorGroups } } },
    },
  };
});
