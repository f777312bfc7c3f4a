import { Link } from 'react-router'
import { EmptyState } from '#shared/ui/state-views.tsx'

export function NotFoundPage() {
  return (
    <EmptyState title="Page not found" action={<Link to="/">Go to the dashboard</Link>}>
      Nothing lives at this address.
    </EmptyState>
  )
}
