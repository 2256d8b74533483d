// Prints one plain closing line, `Tests: N passed, N failed, N skipped`, which CI reads
// in any language (jest's own summary puts the counts in another order).
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(`\nTests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`);
  }
}
module.exports = SummaryReporter;
