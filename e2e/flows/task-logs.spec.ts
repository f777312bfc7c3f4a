import { expect, loginAs, test } from '../fixtures.ts'
import { LogsPage } from '../pages/logs-page.ts'
import { ServiceDetailPage } from '../pages/services-page.ts'

test("follow a task's log from its service: new lines arrive live, pause stops them", async ({ page }) => {
  await loginAs(page, 'operator')
  const service = new ServiceDetailPage(page)
  await service.goto('/prod/api/orders')
  await service.openTab('Tasks')
  const task = service.runningTaskRows().first()
  const taskId = (await task.getAttribute('aria-label'))!
  let pageLoads = 0
  page.on('load', () => pageLoads++)
  await task.getByRole('link', { name: `Logs of ${taskId}` }).click()

  const logs = new LogsPage(page)
  await logs.expectLoaded(taskId)
  await expect(logs.livePill).toBeVisible()
  await expect.poll(() => logs.lineCount()).toBeGreaterThan(1)
  const first = await logs.lineCount()
  // The service writes a request line every few hundred milliseconds of wall time; they stream in.
  await expect.poll(() => logs.lineCount()).toBeGreaterThan(first + 5)
  expect(pageLoads, 'no reload while following').toBe(0)

  await logs.pause()
  const paused = await logs.lineCount()
  const shownAtPause = await logs.shownText()
  // Wait (on the server's state, not the clock) until the task has written well past the pause…
  const sizeNow = async () => ((await (await page.request.get(`/api/tasks/${encodeURIComponent(taskId)}/logs?stream=stdout&length=1`)).json()) as { size: number }).size
  const sizeAtPause = await sizeNow()
  await expect.poll(sizeNow).toBeGreaterThan(sizeAtPause + 1024)
  // …and the paused view still shows exactly what it showed.
  expect(await logs.lineCount()).toBe(paused)
  expect(await logs.shownText()).toBe(shownAtPause)

  // Following again picks up where it stopped, including what was written meanwhile.
  await logs.follow()
  await expect.poll(() => logs.lineCount()).toBeGreaterThan(paused + 10)
  expect(pageLoads).toBe(0)
})
