/** `/v2/info`, `/v2/leader`, `/ping`, `/metrics` and the (empty) pods list. */
import { Hono } from 'hono'
import { isActive } from '../scheduler/instance.ts'
import { MARATHON_VERSION, type MarathonScheduler } from '../scheduler/marathon-scheduler.ts'

export function infoRoutes(m: MarathonScheduler): Hono {
  const r = new Hono()
  const leader = `${m.master.ip}:8080`
  r.get('/ping', (c) => c.text('pong'))
  r.get('/v2/leader', (c) => c.json({ leader }))
  r.delete('/v2/leader', (c) => c.json({ message: 'Leadership abdicated' }))
  r.get('/v2/info', (c) =>
    c.json({
      name: 'marathon',
      version: MARATHON_VERSION,
      buildref: '6a0cd4a3c7cdbfa2d2bfc1f4d1a8f9ef8e4dbe1c',
      elected: true,
      leader,
      frameworkId: m.frameworkId,
      marathon_config: {
        master: 'zk://zk-1.zk:2181,zk-2.zk:2181,zk-3.zk:2181/mesos',
        mesos_role: 'slave_public',
        mesos_user: 'root',
        framework_name: 'marathon',
        webui_url: null,
        ha: true,
        checkpoint: true,
        executor: '//cmd',
        failover_timeout: 604800,
        features: ['vips', 'task_killing', 'external_volumes', 'gpu_resources'],
        hostname: m.master.ip,
        local_port_min: 10000,
        local_port_max: 20000,
        task_launch_timeout: 86400000,
        task_reservation_timeout: 20000,
        reconciliation_initial_delay: 15000,
        reconciliation_interval: 600000,
        mesos_leader_ui_url: `http://${m.master.hostname}:5050/`,
        default_accepted_resource_roles: ['*'],
        access_control_allow_origin: null,
        decline_offer_duration: 120000,
        env_vars_prefix: null,
        leader_proxy_connection_timeout_ms: 5000,
        leader_proxy_read_timeout_ms: 10000,
        mesos_heartbeat_failure_threshold: 5,
        mesos_heartbeat_interval: 15000,
        min_revive_offers_interval: 5000,
        offer_matching_timeout: 3000,
        on_elected_prepare_timeout: 180000,
        max_instances_per_offer: 100,
        revive_offers_for_new_apps: true,
        scale_apps_initial_delay: 15000,
        scale_apps_interval: 300000,
        store_cache: true,
      },
      zookeeper_config: {
        zk: 'zk://zk-1.zk:2181,zk-2.zk:2181,zk-3.zk:2181/marathon',
        zk_compression: true,
        zk_compression_threshold: 65536,
        zk_connection_timeout: 10000,
        zk_max_node_size: 1024000,
        zk_max_versions: 50,
        zk_session_timeout: 10000,
        zk_timeout: 10000,
      },
      http_config: { http_port: 8080, https_port: 8443 },
    }),
  )
  r.get('/metrics', (c) => {
    let running = 0
    let staged = 0
    let active = 0
    for (const i of m.tracker.all()) {
      if (isActive(i)) active++
      if (i.condition === 'Running') running++
      if (i.condition === 'Staging' || i.condition === 'Starting') staged++
    }
    const gauge = (value: number) => ({ value })
    // Dropwizard JSON, the format of Marathon's /metrics.
    return c.json({
      version: '4.0.0',
      gauges: {
        'marathon.apps.active.gauge': gauge(m.store.apps.size),
        'marathon.groups.active.gauge': gauge(m.store.groups.size),
        'marathon.deployments.active.gauge': gauge(m.deployments.deployments.size),
        'marathon.instances.running.gauge': gauge(running),
        'marathon.instances.staged.gauge': gauge(staged),
        'marathon.instances.active.gauge': gauge(active),
        'marathon.instances.launch-overdue.gauge': gauge([...m.queue.stats.keys()].filter((id) => m.queue.delayLeftMs(id) === 0).length),
        'marathon.uptime.gauge': gauge(m.clock.now() - m.startedAt),
        'marathon.leadership.duration.gauge': gauge(m.clock.now() - m.startedAt),
        'marathon.http.event-streams.active.gauge': gauge(m.bus.subscriberCount),
      },
      counters: {},
      histograms: {},
      meters: {},
      timers: {},
    })
  })
  r.get('/v2/pods', (c) => c.json([]))
  r.get('/v2/pods/::status', (c) => c.json([]))
  return r
}
