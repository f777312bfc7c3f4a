/**
 * Demo jobs: two scheduled (`backup.nightly-db` daily at 02:00 UTC, `reports.hourly` every
 * hour, flaky at a seeded 25% failure rate) and one unscheduled (`maintenance.cleanup-tmp`).
 * Their history is made by really running them at startup (no clock advance, no written
 * history): the runs launch tasks on the master and finish as simulated time passes.
 */
import { parseJobSpec, parseSchedule } from './model/validate.ts'
import type { MetronomeService } from './metronome-service.ts'
import { SIM_DURATION_LABEL, SIM_FAILURE_RATE_LABEL, SIM_OUTCOME_LABEL } from './scheduler/sim-outcome.ts'

const DEMO_JOBS = [
  {
    spec: {
      id: 'backup.nightly-db',
      description: 'Dump the orders database to object storage',
      labels: { team: 'data', [SIM_DURATION_LABEL]: '120' },
      run: {
        cpus: 0.5,
        mem: 512,
        disk: 1024,
        cmd: 'pg_dump --format=custom orders | aws s3 cp - s3://backups/orders/$(date +%F).dump',
        docker: { image: 'postgres:13-alpine' },
        env: { PGHOST: 'orders-db.marathon.l4lb.thisdcos.directory' },
        restart: { policy: 'ON_FAILURE', activeDeadlineSeconds: 3600 },
      },
    },
    schedule: { id: 'nightly', cron: '0 2 * * *', timezone: 'UTC', concurrencyPolicy: 'FORBID', startingDeadlineSeconds: 900 },
    startupRuns: 1,
  },
  {
    spec: {
      id: 'reports.hourly',
      description: 'Aggregate hourly sales reports',
      labels: { team: 'analytics', [SIM_OUTCOME_LABEL]: 'flaky', [SIM_FAILURE_RATE_LABEL]: '0.25', [SIM_DURATION_LABEL]: '45' },
      run: { cpus: 0.25, mem: 256, disk: 0, cmd: 'python -m reports.hourly --since=1h', restart: { policy: 'NEVER' } },
    },
    schedule: { id: 'hourly', cron: '0 * * * *', timezone: 'UTC', concurrencyPolicy: 'ALLOW' },
    startupRuns: 3,
  },
  {
    spec: {
      id: 'maintenance.cleanup-tmp',
      description: 'Remove stale scratch files (run on demand)',
      labels: { team: 'platform', [SIM_DURATION_LABEL]: '20' },
      run: { cpus: 0.1, mem: 64, disk: 0, cmd: 'find /scratch -mtime +7 -delete' },
    },
    startupRuns: 1,
  },
] as const

export function seedDemoJobs(service: MetronomeService): void {
  for (const demo of DEMO_JOBS) {
    const spec = parseJobSpec(demo.spec)
    if (!spec.ok) throw new Error(`demo job ${demo.spec.id} is invalid: ${JSON.stringify(spec.error)}`)
    const schedules = []
    if ('schedule' in demo) {
      const s = parseSchedule(demo.schedule)
      if (!s.ok) throw new Error(`demo schedule of ${demo.spec.id} is invalid: ${JSON.stringify(s.error)}`)
      schedules.push(s.value)
    }
    const created = service.createJob(spec.value, schedules)
    if (!created.ok) continue
    for (let i = 0; i < demo.startupRuns; i++) service.runNow(demo.spec.id)
  }
}
