/**
 * Prints one plain closing line, "N passed, N failed, N skipped", after jest's own summary (on the same stream, so it stays last), so CI logs end
 * with a count any tool can read.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests + results.numTodoTests} skipped`;
    process.stderr.write(`${line}\n`);
  }
}

module.exports = SummaryReporter;
