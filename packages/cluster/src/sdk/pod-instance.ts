/**
 * A pod instance's current state as the scheduler reconstructs it from the master: where it is
 * reserved, which Mesos task runs each of its tasks, and which target configuration it runs.
 */
export interface PodInstance {
  /** e.g. kafka-0 */
  name: string
  type: string
  index: number
  agentId?: string
  reservationId?: string
  /** task name (broker) → current Mesos task id */
  taskIds: Map<string, string>
  configId?: string
  fingerprint?: string
  /** virtual ms after which the readiness check passes */
  readyAt?: number
}

export const podInstanceName = (type: string, index: number): string => `${type}-${index}`

/** SDK task names are `<pod>-<index>-<task>`; Mesos task ids append `__<uuid>`. */
export const sdkTaskName = (pod: string, task: string): string => `${pod}-${task}`
