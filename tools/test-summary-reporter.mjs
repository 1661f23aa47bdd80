// node:test reporter that writes {"passed":N,"failed":N} for one suite (suites themselves are not counted).
export default async function* summaryReporter(source) {
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') {
      // A suite that failed in a hook has no failing test of its own: count it once.
      if (event.type === 'test:fail' && event.data.details?.error?.failureType === 'hookFailed') failed++;
      continue;
    }
    if (event.data.skip || event.data.todo) continue;
    if (event.type === 'test:pass') passed++;
    else failed++;
  }
  yield JSON.stringify({ passed, failed }) + '\n';
}
