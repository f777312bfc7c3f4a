/**
 * `/api/jobs`: Metronome jobs with schedules, active runs and history; create/edit (Metronome's
 * 422 details come back per field), run now, stop a run, delete, schedule CRUD. Job ids are
 * validated by `JobIdSchema` before any upstream URL is built.
 */
import { DeleteJobQuerySchema, JobParamSchema, JobRunParamSchema, JobScheduleParamSchema, JobScheduleSchema, JobSpecSchema } from '@meridian/api'
import { Hono } from 'hono'
import { requirePermission } from '../auth/gate.ts'
import type { BffEnv } from '../env.ts'
import { AppError } from '../errors.ts'
import { toJobDetail, toJobView, toRunView, toScheduleView } from '../views/jobs/to-job-view.ts'
import { validate } from './validate.ts'

const write = requirePermission('workload')
const ScheduleBodySchema = JobScheduleSchema.partial({ id: true })

/** Job routes. */
export function jobsRoutes() {
  return new Hono<BffEnv>()
    .get('/', async (c) => c.json({ jobs: (await c.var.upstreams.metronome.jobs()).map(toJobView) }, 200))
    .get('/:id', validate('param', JobParamSchema), async (c) => c.json(toJobDetail(await c.var.upstreams.metronome.job(c.req.valid('param').id)), 200))
    .post('/', write, validate('json', JobSpecSchema), async (c) => {
      const { metronome } = c.var.upstreams
      const spec = c.req.valid('json')
      // With a schedule, v0 creates both atomically: a rejected schedule leaves no job behind.
      if (spec.schedules && spec.schedules.length > 0) await metronome.createScheduledJob(spec)
      else {
        const { schedules: _s, ...plain } = spec
        await metronome.createJob(plain)
      }
      return c.json(toJobDetail(await metronome.job(spec.id)), 201)
    })
    .put('/:id', write, validate('param', JobParamSchema), validate('json', JobSpecSchema), async (c) => {
      const { metronome } = c.var.upstreams
      const { id } = c.req.valid('param')
      const spec = c.req.valid('json')
      if (spec.id !== id) throw new AppError('ValidationFailed', 'The id in the body must match the job', { details: [{ path: '/id', errors: [`must be ${id}`] }] })
      // `PUT /v1/jobs` ignores schedules (they are kept); a body that names schedules replaces them via v0.
      if (spec.schedules !== undefined) await metronome.updateScheduledJob(id, spec)
      else await metronome.updateJob(id, spec)
      return c.json(toJobDetail(await metronome.job(id)), 200)
    })
    .delete('/:id', write, validate('param', JobParamSchema), validate('query', DeleteJobQuerySchema), async (c) => {
      await c.var.upstreams.metronome.deleteJob(c.req.valid('param').id, c.req.valid('query').stopCurrentJobRuns === 'true')
      return c.json({ ok: true as const }, 200)
    })
    .post('/:id/runs', write, validate('param', JobParamSchema), async (c) => c.json(toRunView(await c.var.upstreams.metronome.runNow(c.req.valid('param').id)), 201))
    .post('/:id/runs/:runId/stop', write, validate('param', JobRunParamSchema), async (c) => {
      const { id, runId } = c.req.valid('param')
      return c.json(toRunView(await c.var.upstreams.metronome.stopRun(id, runId)), 200)
    })
    .get('/:id/schedules', validate('param', JobParamSchema), async (c) => c.json({ schedules: (await c.var.upstreams.metronome.schedules(c.req.valid('param').id)).map(toScheduleView) }, 200))
    .post('/:id/schedules', write, validate('param', JobParamSchema), validate('json', JobScheduleSchema), async (c) => {
      return c.json(toScheduleView(await c.var.upstreams.metronome.addSchedule(c.req.valid('param').id, c.req.valid('json'))), 201)
    })
    .put('/:id/schedules/:scheduleId', write, validate('param', JobScheduleParamSchema), validate('json', ScheduleBodySchema), async (c) => {
      const { id, scheduleId } = c.req.valid('param')
      const body = c.req.valid('json')
      if (body.id !== undefined && body.id !== scheduleId) throw new AppError('ValidationFailed', 'The id in the body must match the schedule', { details: [{ path: '/id', errors: [`must be ${scheduleId}`] }] })
      return c.json(toScheduleView(await c.var.upstreams.metronome.updateSchedule(id, scheduleId, body)), 200)
    })
    .delete('/:id/schedules/:scheduleId', write, validate('param', JobScheduleParamSchema), async (c) => {
      const { id, scheduleId } = c.req.valid('param')
      await c.var.upstreams.metronome.deleteSchedule(id, scheduleId)
      return c.json({ ok: true as const }, 200)
    })
}
