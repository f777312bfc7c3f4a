/**
 * Reloading the console in the middle of a deployment: after the reload the Plans page shows
 * the deploy where it is and keeps following it live (the SSE stream reconnects), so progress
 * changes on screen with no further reload.
 */
import { expect, loginAs, test } from '../fixtures.ts'
import { PlansPage } from '../pages/plans-page.ts'
import { cosmosInstall, cosmosUninstall, pauseDeployWhenServing, readPlan, resumeDeploy, serviceName } from './support/sdk-wire.ts'

test('reload mid-deploy: the Plans page resumes live updates and follows the deploy to COMPLETE', async ({ page, request }, info) => {
  const name = serviceName('kafka-e2e-12', info)
  const appId = `/${name}`
  await cosmosInstall(request, 'kafka', { service: { name }, brokers: { count: 2 } })
  try {
    // Mid-deployment, held there (`dcos kafka plan pause deploy`) so the reload happens mid-way.
    await pauseDeployWhenServing(request, name)

    await loginAs(page, 'viewer')
    await page.goto('/')
    const plans = new PlansPage(page)
    await plans.open()
    await plans.showOnly(appId)
    const deploy = plans.plan(appId, 'deploy')
    await deploy.expectStatus('WAITING')
    const before = await deploy.stepsDone()
    expect(before.complete).toBeLessThan(2)

    await page.reload()
    await plans.expectLoaded()
    await expect(page.getByRole('img', { name: 'Live updates open' })).toBeVisible()
    await deploy.expectStatus('WAITING')
    expect(await deploy.stepsDone()).toEqual(before)
    // Marks this document: if anything reloaded the page again, the mark would be gone.
    await page.evaluate(() => Object.assign(globalThis, { __e2eNoReload: true }))

    // The deploy continues outside the console (the CLI); the page follows it by itself.
    await resumeDeploy(request, name)
    await deploy.expectStep('broker', 'kafka-1:[broker]', 'COMPLETE')
    await deploy.expectStatus('COMPLETE')
    expect(await deploy.stepsDone()).toEqual({ complete: 2, total: 2 })
    expect(await page.evaluate(() => (globalThis as { __e2eNoReload?: boolean }).__e2eNoReload)).toBe(true)
    expect((await readPlan(request, name, 'deploy')).code).toBe(200)
  } finally {
    await cosmosUninstall(request, 'kafka', appId)
  }
})
