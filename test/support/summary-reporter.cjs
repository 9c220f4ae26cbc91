const fs = require('node:fs');
const path = require('node:path');

/**
 * Prints one plain closing line, `Tests: N passed, N failed, N skipped`, so that CI logs say
 * in a standard form how many tests ran.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    const line = `Tests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped`;
    process.stdout.write(`\n${line}\n`);
    // .ci/run repeats it as its very last line.
    const dir = path.join(__dirname, '../../.data');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'test-summary.txt'), `${line}\n`);
  }
}
module.exports = SummaryReporter;
