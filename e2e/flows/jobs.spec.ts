import { expect, loginAs, test } from '../fixtures.ts'
import { JobsPage } from '../pages/jobs-page.ts'

interface MetronomeJob {
  id: string
  schedules?: Array<{ cron: string }>
  history: { successCount: number; failureCount: number; successfulFinishedRuns: Array<{ id: string }> }
}

test('create a scheduled job, run it now, and see the run succeed in its history', async ({ page, cluster }, testInfo) => {
  // Unique per run so --repeat-each and reruns never collide with a leftover job.
  const id = `e2e.cron-${testInfo.repeatEachIndex}-${Date.now().toString(36)}`
  await loginAs(page, 'operator')
  await page.goto('/')
  const jobs = new JobsPage(page)
  await jobs.open()

  const editor = await jobs.startCreate()
  await editor.fill({ id, description: 'created by the e2e flow', cmd: 'echo hello from e2e', cpus: 0.1, mem: 32, cron: '61 2 * * *' })
  // The preview reads the expression as the user types it: an error first, then plain English.
  await expect(editor.cronInput).toHaveAccessibleDescription('Invalid minute field "61"')
  await editor.cronInput.fill('30 2 * * 1-5')
  await expect(editor.cronInput).toHaveAccessibleDescription('At 02:30, Monday through Friday')
  await editor.save()

  await expect(jobs.row(id)).toContainText('30 2 * * 1-5')
  await expect(jobs.row(id)).toContainText('At 02:30, Monday through Friday')
  const created = await cluster.get<MetronomeJob>(`/service/metronome/v1/jobs/${id}?embed=schedules`)
  expect(created.schedules?.[0]?.cron).toBe('30 2 * * 1-5')

  const detail = await jobs.openJob(id)
  await expect(detail.detail('Schedule')).toContainText('At 02:30, Monday through Friday')
  await expect(detail.page.getByText('No finished runs yet')).toBeVisible()

  await detail.runNow()
  // The run shows up in the history as succeeded without a reload, and Metronome agrees.
  const succeeded = detail.history.getByRole('row').filter({ hasText: 'Succeeded' })
  await expect(succeeded).toHaveCount(1, { timeout: 30_000 })
  await expect(detail.activeRuns()).toHaveCount(0)
  const job = await cluster.get<MetronomeJob>(`/service/metronome/v1/jobs/${id}?embed=history`)
  expect(job.history.successCount).toBe(1)
  expect(job.history.failureCount).toBe(0)
  const runId = job.history.successfulFinishedRuns[0]!.id
  await expect(detail.historyRow(runId)).toContainText('Succeeded')

  // Clean up through the console: the job is gone from Metronome too.
  await detail.delete(id)
  await expect(jobs.row(id)).toHaveCount(0)
  await expect.poll(async () => (await page.request.get(`/service/metronome/v1/jobs/${id}`)).status()).toBe(404)
})
