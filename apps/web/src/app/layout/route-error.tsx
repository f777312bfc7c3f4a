import { isRouteErrorResponse, useRouteError, Link } from 'react-router'
import { ErrorState } from '#shared/ui/state-views.tsx'

/** Route-level error boundary: a failed lazy chunk or a render error keeps the shell alive. */
export function RouteError() {
  const error = useRouteError()
  const e = isRouteErrorResponse(error) ? new Error(`${error.status} ${error.statusText}`) : error
  return (
    <div className="main">
      <ErrorState error={e} onRetry={() => window.location.reload()} />
      <p style={{ textAlign: 'center' }}>
        <Link to="/">Back to the dashboard</Link>
      </p>
    </div>
  )
}
