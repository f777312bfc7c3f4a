/** /v1/jobs/{jobId}/runs… (JobRunController) and /v1/queue (QueueController). */
import type { Context, Hono } from 'hono'
import { renderRun } from '../model/render.ts'
import type { MetronomeService } from '../metronome-service.ts'
import { bindJobId, clientError, unknownJob, unknownJobRun } from './responses.ts'

export function registerRunRoutes(app: Hono, svc: MetronomeService, base: string): void {
  const withJobId = (c: Context, fn: (id: string) => Response): Response => {
    const id = bindJobId(c.req.param('jobId') ?? '')
    return id === undefined ? clientError(c, base, 400, `Not a valid id: ${c.req.param('jobId') ?? ''}`) : fn(id)
  }

  app.get('/v1/jobs/:jobId/runs', (c) =>
    withJobId(c, (id) => {
      const entry = svc.registry.get(id)
      return entry ? c.json([...entry.runs.values()].map(renderRun), 200) : unknownJob(c, id)
    }),
  )

  // "Run now". A body (run overrides, newer Metronome) is accepted and not applied.
  app.post('/v1/jobs/:jobId/runs', (c) =>
    withJobId(c, (id) => {
      const started = svc.runNow(id)
      return started.ok ? c.json(renderRun(started.value), 201) : unknownJob(c, id)
    }),
  )

  // Metronome's JobRunService only knows active runs: a finished run is a 404 here.
  app.get('/v1/jobs/:jobId/runs/:runId', (c) =>
    withJobId(c, (id) => {
      const run = svc.activeRun(id, c.req.param('runId'))
      return run ? c.json(renderRun(run), 200) : unknownJobRun(c, id, c.req.param('runId'))
    }),
  )

  app.post('/v1/jobs/:jobId/runs/:runId/actions/stop', (c) =>
    withJobId(c, (id) => {
      const runId = c.req.param('runId')
      const stopped = svc.stopRun(id, runId)
      if (stopped.ok) return c.json(renderRun(stopped.value), 200)
      return stopped.kind === 'job-not-found' ? unknownJob(c, id) : unknownJobRun(c, id, runId)
    }),
  )

  app.get('/v1/queue', (c) => c.json(svc.queue(), 200))
}
