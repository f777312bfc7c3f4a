/**
 * `job.changed` deltas. Metronome has no event stream, so job changes are derived from the Mesos
 * task events (the Mesos feed's `task.changed` deltas) of the framework named `metronome`: the
 * task id names the job (see `jobIdOfTask`), and a debounced re-read of only that job
 * (`GET /v1/jobs/{id}` with runs, schedules and history) publishes its new row. Changes no task
 * announces (create, edit, schedule changes, delete through the BFF) are `poke`d by the app.
 */
import type { LiveDelta } from '@meridian/api'
import { AppError } from '../errors.ts'
import type { MetronomeClient } from '../upstreams/metronome/index.ts'
import { toJobView } from '../views/jobs/to-job-view.ts'
import type { FrameworkDirectory } from './framework-directory.ts'
import type { LiveFeed } from './hub.ts'
import { jobIdOfTask } from './job-ids.ts'
import { KeyedRereads } from './keyed-rereads.ts'

/** Mesos framework name Metronome registers with. */
export const METRONOME_FRAMEWORK_NAME = 'metronome'

/** The job feed, plus `poke` for changes made through the BFF. */
export interface JobFeed extends LiveFeed {
  poke(jobId: string): void
}

/** Options. */
export interface JobFeedOptions {
  debounceMs?: number
}

/** Creates the feed. */
export function jobFeed(metronome: MetronomeClient, directory: FrameworkDirectory, opts: JobFeedOptions = {}): JobFeed {
  let publish: ((d: LiveDelta) => void) | undefined
  let unobserve: (() => void) | undefined
  const rereads = new KeyedRereads<string>(async (jobId) => {
    try {
      publish?.({ type: 'job.changed', jobId, job: toJobView(await metronome.job(jobId)) })
    } catch (err) {
      if (err instanceof AppError && err.kind === 'NotFound') publish?.({ type: 'job.changed', jobId, removed: true })
      else publish?.({ type: 'job.changed', jobId }) // unknown state: the client refetches
    }
  }, opts.debounceMs ?? 500)

  return {
    start(p, observe) {
      publish = p
      rereads.restart()
      unobserve = observe?.((e) => {
        const d = e.delta
        if (d.type === 'resync') directory.clear()
        if (d.type !== 'task.changed') return
        const jobId = jobIdOfTask(d.task.id)
        if (!jobId) return
        void directory.nameOf(d.task.frameworkId).then((name) => {
          if (name === METRONOME_FRAMEWORK_NAME) rereads.schedule(jobId)
        })
      })
    },
    stop() {
      unobserve?.()
      unobserve = undefined
      publish = undefined
      rereads.stop()
    },
    poke(jobId) {
      rereads.schedule(jobId)
    },
  }
}
