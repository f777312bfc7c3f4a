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
