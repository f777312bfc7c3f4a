/** /v1/jobs/{jobId}/schedules… (JobScheduleController). */
import type { Context, Hono } from 'hono'
import { parseSchedule } from '../model/validate.ts'
import type { MetronomeService, Outcome } from '../metronome-service.ts'
import { bindJobId, clientError, conflict, readJson, unknownJob, unknownSchedule } from './responses.ts'

export function registerScheduleRoutes(app: Hono, svc: MetronomeService, base: string): void {
  const jobIdOf = (c: Context): string | undefined => bindJobId(c.req.param('jobId') ?? '')
  const badId = (c: Context) => clientError(c, base, 400, `Not a valid id: ${c.req.param('jobId') ?? ''}`)
  const failure = (c: Context, jobId: string, scheduleId: string, o: Exclude<Outcome<unknown>, { ok: true }>) =>
    o.kind === 'job-not-found' ? unknownJob(c, jobId) : o.kind === 'conflict' ? conflict(c, o.message ?? '') : unknownSchedule(c, scheduleId)

  app.get('/v1/jobs/:jobId/schedules', (c) => {
    const id = jobIdOf(c)
    if (id === undefined) return badId(c)
    const entry = svc.registry.get(id)
    return entry ? c.json(entry.schedules.map((s) => svc.renderSchedule(s)), 200) : unknownJob(c, id)
  })

  app.post('/v1/jobs/:jobId/schedules', async (c) => {
    const id = jobIdOf(c)
    if (id === undefined) return badId(c)
    const body = await readJson(c, base)
    if (!body.ok) return body.response
    const parsed = parseSchedule(body.value)
    if (!parsed.ok) return c.json(parsed.error, 422)
    const added = svc.addSchedule(id, parsed.value)
    return added.ok ? c.json(svc.renderSchedule(added.value), 201) : failure(c, id, parsed.value.id, added)
  })

  app.get('/v1/jobs/:jobId/schedules/:scheduleId', (c) => {
    const id = jobIdOf(c)
    if (id === undefined) return badId(c)
    const entry = svc.registry.get(id)
    if (!entry) return unknownJob(c, id)
    const schedule = entry.schedules.find((s) => s.id === c.req.param('scheduleId'))
    return schedule ? c.json(svc.renderSchedule(schedule), 200) : unknownSchedule(c, c.req.param('scheduleId'))
  })

  app.put('/v1/jobs/:jobId/schedules/:scheduleId', async (c) => {
    const id = jobIdOf(c)
    if (id === undefined) return badId(c)
    const scheduleId = c.req.param('scheduleId')
    const body = await readJson(c, base)
    if (!body.ok) return body.response
    const parsed = parseSchedule(body.value)
    if (!parsed.ok) return c.json(parsed.error, 422)
    const updated = svc.updateSchedule(id, scheduleId, parsed.value)
    return updated.ok ? c.json(svc.renderSchedule(updated.value), 200) : failure(c, id, scheduleId, updated)
  })

  // Play `Ok` without a body: 200, empty entity.
  app.delete('/v1/jobs/:jobId/schedules/:scheduleId', (c) => {
    const id = jobIdOf(c)
    if (id === undefined) return badId(c)
    const scheduleId = c.req.param('scheduleId')
    const deleted = svc.deleteSchedule(id, scheduleId)
    return deleted.ok ? c.body(null, 200) : failure(c, id, scheduleId, deleted)
  })
}
