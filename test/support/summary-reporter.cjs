// Writes each Jest run's counts to $JEST_JSON_DIR so .ci/run can print one closing line.
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.name = globalConfig.displayName?.name ?? 'jest';
  }
  onRunComplete(_contexts, results) {
    const dir = process.env.JEST_JSON_DIR;
    if (!dir) return;
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    writeFileSync(
      join(dir, `${process.pid}-${Date.now()}.json`),
      JSON.stringify({ numPassedTests, numFailedTests, numPendingTests, numTodoTests }),
    );
  }
}
module.exports = SummaryReporter;
