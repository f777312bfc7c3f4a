/**
 * How fast the emulated SDK services move, in virtual ms. The demo clock runs at
 * MERIDIAN_DEMO_SPEED virtual ms per wall ms (1 by default), so at 1x these are wall times a
 * browser watching the deploy plan sees.
 *
 * One pod step costs about: one offer cycle to RESERVE + CREATE + LAUNCH_GROUP (TICK_MS), the
 * task's startup to TASK_RUNNING (startupMs, STARTING shown at a third of it; the loop notices
 * RUNNING on its next cycle → step STARTED), then the readiness check (readinessMs) and the
 * cycle that marks the step COMPLETE: with the Kafka values ≈ 13 s per broker. Marathon starts
 * the scheduler in ≈ 3 s, so a default 3-broker serial deploy is COMPLETE ≈ 42 s after
 * `package/install` at 1x (brokers done at ≈ 16, 29 and 42 s; kafka-pacing.test.ts pins the
 * total to 30–90 s). Real brokers take the same order of time (JVM start, ZooKeeper
 * registration, the readiness check waiting for the broker's "started" log line).
 */

/** Virtual ms between scheduler loop iterations (offer cycles; Mesos offers ~1/s). */
export const TICK_MS = 1000

export interface TaskPace {
  /** launch → TASK_RUNNING */
  startupMs: number
  /** TASK_RUNNING → readiness check passes (step COMPLETE) */
  readinessMs: number
}

/** Long-running data nodes: Kafka brokers, Cassandra servers, HDFS nodes. */
export const DATA_NODE_PACE: TaskPace = { startupMs: 6000, readinessMs: 6000 }
/** Small reference tasks (hello-world) start faster. */
export const LIGHT_TASK_PACE: TaskPace = { startupMs: 3000, readinessMs: 2000 }
/** ONCE tasks (Cassandra's init_system_keyspaces): start, then exit 0 after this long. */
export const ONCE_TASK = { startupMs: 2000, runMs: 3000 }
