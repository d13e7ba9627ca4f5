/**
 * npm run test:faults [-- --json] [-- --only <text>]
 *
 * The fault suite: the real Service over HTTP through the sandbox (replicas, the scheduler,
 * injected faults), one scenario after another. Prints per scenario the orders in, delivered,
 * duplicated, lost and the p99 time to conversion, writes .faults-report.json, and exits 1 when
 * a target is missed: 0 lost, 0 duplicated (duplicates whose first answer never came back are
 * counted apart), every broadcast answered within 25 s (service.json timeout: 30 s), the peak
 * memory and the scenario's own checks.
 */
import { writeFileSync } from 'fs'
import { join } from 'path'
import { scenarios } from './scenarios'
import type { ScenarioReport } from './harness'

const ANSWER_LIMIT_SECONDS = 25

type Result = ScenarioReport & { checks?: Record<string, boolean>; seconds: number; failures: string[] }

function failuresOf(report: ScenarioReport & { checks?: Record<string, boolean> }): string[] {
  const failures: string[] = []
  if (report.lost > 0) failures.push(`${report.lost} order(s) lost`)
  if (report.duplicated > 0) failures.push(`${report.duplicated} order(s) duplicated`)
  if (report.maxAnswerSeconds > ANSWER_LIMIT_SECONDS) failures.push(`a broadcast took ${report.maxAnswerSeconds} s to answer`)
  for (const [check, ok] of Object.entries(report.checks ?? {})) if (!ok) failures.push(`check failed: ${check}`)
  return failures
}

async function main() {
  const json = process.argv.includes('--json')
  const only = process.argv[process.argv.indexOf('--only') + 1]
  const chosen = process.argv.includes('--only') ? scenarios.filter((scenario) => scenario.name.includes(only)) : scenarios
  const results: Result[] = []
  const log = (text: string) => (json ? undefined : console.log(text))
  log('fault suite: the real Service through the sandbox, faults injected; targets 0 lost, 0 duplicated')
  for (const scenario of chosen) {
    const started = Date.now()
    const report = await scenario.run()
    const result = { ...report, seconds: Math.round((Date.now() - started) / 100) / 10, failures: failuresOf(report) }
    results.push(result)
    log(
      `${result.failures.length === 0 ? '✓' : '✗'} ${result.name}\n    in ${result.ordersIn}, eligible ${result.eligible}, delivered ${result.delivered}, duplicated ${result.duplicated}` +
        ` (+${result.duplicatedAnswerLost} answer lost), lost ${result.lost}, p99 ${result.p99Seconds} s, slowest answer ${result.maxAnswerSeconds} s` +
        `${result.peakRssMb !== undefined ? `, peak RSS ${result.peakRssMb} MB` : ''}, ${result.seconds} s` +
        `${result.notes.length ? `\n    ${result.notes.join('; ')}` : ''}${result.failures.length ? `\n    FAILED: ${result.failures.join('; ')}` : ''}`
    )
  }
  const summary = { ok: results.every((result) => result.failures.length === 0), scenarios: results }
  writeFileSync(join(__dirname, '..', '..', '.faults-report.json'), `${JSON.stringify(summary, null, 2)}\n`)
  if (json) process.stdout.write(`${JSON.stringify(summary)}\n`)
  else log(summary.ok ? 'fault suite: every target met' : 'fault suite: TARGETS MISSED')
  process.exit(summary.ok ? 0 : 1)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
