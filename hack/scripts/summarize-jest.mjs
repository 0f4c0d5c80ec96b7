// Prints jest's JSON result as the plain closing line CI reads: "tests: N passed, N failed".
import { readFileSync } from 'node:fs';

const file = process.argv[2];
try {
  const result = JSON.parse(readFileSync(file, 'utf8'));
  const skipped = result.numPendingTests + result.numTodoTests;
  const failedSuites = result.numFailedTestSuites ? ` (${result.numFailedTestSuites} suites failed)` : '';
  console.log(`\ntests: ${result.numPassedTests} passed, ${result.numFailedTests} failed, ${skipped} skipped${failedSuites}`);
} catch (error) {
  console.log(`\ntests: 0 passed, 1 failed (no jest result in ${file}: ${error.message})`);
}
