/**
 * The state vocabularies of the views, zod-free: the SPA imports these values (filters, legends),
 * and with `"sideEffects": false` a module without schemas keeps zod out of its bundle. The view
 * modules re-export them, so `@meridian/api` exposes them as before.
 */

/** Derived by `deriveServiceStatus` (order = precedence when several apply). */
export const SERVICE_STATUSES = ['Deploying', 'Recovering', 'Delayed', 'Waiting for resources', 'Running', 'Suspended', 'Stopped'] as const
/** Derived by `deriveServiceHealth`; Unknown when the app has no health checks or nothing runs. */
export const SERVICE_HEALTH = ['Healthy', 'Unhealthy', 'Unknown'] as const
/** Job status, derived from schedule and runs. */
export const JOB_STATUSES = ['Running', 'Scheduled', 'Unscheduled', 'Failed', 'Completed'] as const
/** active: registered and offering; deactivated: no offers; draining: DRAIN_AGENT in progress/done; unreachable: partitioned; gone: removed. */
export const NODE_HEALTH = ['active', 'deactivated', 'draining', 'unreachable', 'gone'] as const
/** Maintenance as Mesos reports it: machine schedule (DRAINING/DOWN) or agent drain (DRAINING/DRAINED). */
export const MAINTENANCE_STATES = ['none', 'scheduled', 'draining', 'drained', 'down'] as const
