/**
 * Designed loading, empty, error and forbidden states, so no page ever shows a blank area.
 * Error copy comes from the error's kind (mapped once in api-error.ts).
 */
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { ApiError, ERROR_TITLES } from '../api/api-error.ts'
import { Button } from './button.tsx'
import { Icon } from './icons.tsx'

export function LoadingState({ label = 'Loading…', rows = 4 }: { label?: string; rows?: number }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite" aria-label={label}>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton" style={{ width: `${90 - i * 12}%` }} />
      ))}
      <span className="sr-only">{label}</span>
    </div>
  )
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="state state-empty" role="status">
      <div className="state-icon" aria-hidden="true">
        <Icon name="catalog" size={28} />
      </div>
      <h2 className="state-title">{title}</h2>
      {children && <p className="state-body">{children}</p>}
      {action}
    </div>
  )
}

export function ForbiddenState({ what = 'this page' }: { what?: string }) {
  return (
    <div className="state state-forbidden" role="alert">
      <div className="state-icon" aria-hidden="true">
        <Icon name="lock" size={28} />
      </div>
      <h2 className="state-title">No access</h2>
      <p className="state-body">Your role does not allow viewing {what}. Ask a cluster administrator for access.</p>
    </div>
  )
}

/**
 * An error in place of a page. A missing item (NotFound) will not appear by retrying: it offers
 * the way back to its list (`back`) instead of "Try again".
 */
export function ErrorState({ error, onRetry, back }: { error: unknown; onRetry?: () => void; back?: { to: string; label: string } }) {
  if (error instanceof ApiError && error.kind === 'Forbidden') return <ForbiddenState />
  const title = error instanceof ApiError ? ERROR_TITLES[error.kind] : ERROR_TITLES.Unknown
  const message = error instanceof Error ? error.message : String(error)
  const missing = error instanceof ApiError && error.kind === 'NotFound'
  return (
    <div className="state state-error" role="alert">
      <div className="state-icon" aria-hidden="true">
        <Icon name="alert" size={28} />
      </div>
      <h2 className="state-title">{title}</h2>
      <p className="state-body">{message}</p>
      {missing && back ? (
        <Link className="btn" to={back.to}>
          {back.label}
        </Link>
      ) : (
        onRetry && (
          <Button onClick={onRetry}>
            <Icon name="refresh" size={14} /> Try again
          </Button>
        )
      )}
    </div>
  )
}
