/**
 * Marathon's error envelope `{message, details?}` as a value with its HTTP status, so every
 * route maps failures the same way (MarathonExceptionMapper).
 */
export interface ViolationDetail {
  path: string
  errors: string[]
}

export class MarathonError extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 415 | 422 | 503,
    readonly body: { message: string } & Record<string, unknown>,
  ) {
    super(body.message)
  }

  static notFound(message: string): MarathonError {
    return new MarathonError(404, { message })
  }

  static invalid(details: ViolationDetail[]): MarathonError {
    return new MarathonError(422, { message: 'Object is not valid', details })
  }

  /** Play JSON type errors (`error.expected.jsnumber`) are reported as "Invalid JSON". */
  static invalidJson(details: ViolationDetail[]): MarathonError {
    return new MarathonError(400, { message: 'Invalid JSON', details })
  }

  /** A conflicting change while deployments hold the app (AppLockedException). */
  static locked(deploymentIds: string[]): MarathonError {
    const ids = deploymentIds.join(', ')
    return new MarathonError(409, {
      message: `App is locked by one or more deployments. Override with the option '?force=true'. View details at '/v2/deployments/<DEPLOYMENT_ID>'.`.replace('<DEPLOYMENT_ID>', ids),
      deployments: deploymentIds.map((id) => ({ id })),
    })
  }
}

export function appNotFound(id: string): MarathonError {
  return MarathonError.notFound(`App '${id}' does not exist`)
}
