/** dcos-commons scheduler plan JSON (upstream-apis.md §5.2). */

export interface SdkStep {
  id: string
  name: string
  status: string
  message?: string
}

export interface SdkPhase {
  id: string
  name: string
  steps?: SdkStep[]
  strategy?: string
  status: string
}

export interface SdkPlan {
  phases?: SdkPhase[]
  errors?: string[]
  strategy?: string
  status: string
}

/** `GET /v1/pod/status` (PodResource): pod types → instances → tasks with their Mesos state sans `TASK_`. */
export interface SdkPodStatus {
  service?: string
  pods?: Array<{ name: string; instances?: Array<{ name: string; tasks?: Array<{ id?: string; name: string; status?: string }> }> }>
}

/** `POST /v1/pod/<name>/restart|replace`: the pod and the task names it killed. */
export interface SdkPodCommandResult {
  pod: string
  tasks?: string[]
}
