/**
 * `npm test`: every workspace's tests against a real PostgreSQL (see test/globalSetup.ts).
 * Services are type-checked by `tsc -b` in `npm run build`; ts-jest only transpiles (isolatedModules).
 */
const tsJest = ["ts-jest", { tsconfig: "<rootDir>/tsconfig.test.json" }];

/** @type {import('jest').Config} */
module.exports = {
  // A global option: Jest ignores testTimeout inside projects[]. Integration hooks start whole stacks.
  testTimeout: 60000,
  // Test files run one at a time in a worker process that is replaced once it holds more than this after a file:
  // the in-process stacks leave memory behind, and one process running every file in band ran out of heap (4 GB)
  // two thirds through the suite.
  workerIdleMemoryLimit: "1536MB",
  reporters: ["default", "<rootDir>/test/summaryReporter.js"],
  projects: [
    {
      displayName: "services",
      rootDir: __dirname,
      testEnvironment: "node",
      roots: ["<rootDir>/services", "<rootDir>/schema", "<rootDir>/infra", "<rootDir>/dashboard/e2e"],
      testMatch: ["**/test/**/*.test.ts", "**/e2e/**/*.test.ts"],
      transform: { "^.+\\.tsx?$": tsJest },
      globalSetup: "<rootDir>/test/globalSetup.ts",
      globalTeardown: "<rootDir>/test/globalTeardown.ts",
    },
    {
      displayName: "dashboard",
      rootDir: __dirname,
      testEnvironment: "node",
      roots: ["<rootDir>/dashboard/test"],
      testMatch: ["**/*.test.ts"],
      transform: { "^.+\\.tsx?$": tsJest },
    },
  ],
};
