import type { Reporter, TestCase } from 'vitest/node';

/**
 * Names every test that passed only when retried (`retry` in vitest.config.ts), with what its failed attempts threw,
 * on lines starting "flaky:" that CI repeats at the end of its output: a retry keeps an unlucky moment of a real server
 * (a port, a slow core) from failing the run, and this keeps it from going unseen.
 */
export default class FlakyReporter implements Reporter {
  private readonly flaky: string[] = [];

  onTestCaseResult(testCase: TestCase): void {
    if (!testCase.diagnostic()?.flaky) return;
    const errors = testCase.result().errors ?? [];
    const first = errors.map((e) => e.message.split('\n')[0]).join(' | ');
    this.flaky.push(`flaky: ${testCase.module.relativeModuleId} > ${testCase.fullName} (retried ${testCase.diagnostic()?.retryCount}): ${first}`);
  }

  onTestRunEnd(): void {
    for (const line of this.flaky) console.log(line);
  }
}
