import { Link, useNavigate, useParams } from 'react-router'
import { useQuery } from '@tanstack/react-query'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import { useCan } from '#shared/session/session-context.tsx'
import { Button } from '#shared/ui/button.tsx'
import { Card } from '#shared/ui/card.tsx'
import { PageHeader } from '#shared/ui/page-header.tsx'
import { ErrorState, LoadingState } from '#shared/ui/state-views.tsx'
import { useUrlParam } from '#shared/ui/use-url-state.ts'
import { packageQueryOptions } from '../api/get-packages.ts'
import { useInstallPackage } from '../api/catalog-mutations.ts'
import { InstallFlow } from './install-flow.tsx'
import { PackageIcon } from './package-icon.tsx'

export function PackagePage() {
  const { name = '' } = useParams()
  const [version, setVersion] = useUrlParam('version')
  const q = useQuery(packageQueryOptions(useApiClient(), name, version))
  const canInstall = useCan('catalog:install')
  const install = useInstallPackage()
  const navigate = useNavigate()
  // In the URL so the palette's "Install package…" and a shared link open the form directly.
  const [installParam, setInstallParam] = useUrlParam('install')
  const installing = canInstall && installParam === '1'
  const setInstalling = (on: boolean) => setInstallParam(on ? '1' : '')
  if (q.isPending) return <LoadingState label="Loading package…" />
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} back={{ to: '/catalog', label: 'Back to the catalog' }} />
  const p = q.data
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/catalog">Catalog</Link> / {p.name}
      </nav>
      <PageHeader
        docTitle={`${p.name} · Catalog`}
        title={
          <span className="row">
            <PackageIcon name={p.name} src={null} size={34} /> {p.name}
          </span>
        }
        subtitle={p.description}
        actions={
          <>
            <label className="sr-only" htmlFor="pkg-version">
              Version
            </label>
            <select id="pkg-version" className="select" value={version || p.version} onChange={(e) => setVersion(e.target.value)}>
              {p.versions.map((v) => (
                <option key={v}>{v}</option>
              ))}
            </select>
            {canInstall && !installing && (
              <Button variant="primary" onClick={() => setInstalling(true)}>
                Configure and install
              </Button>
            )}
          </>
        }
      />
      {installing ? (
        <InstallFlow
          key={p.version}
          pkg={p}
          pending={install.isPending}
          serverErrors={install.error?.details ?? {}}
          onCancel={() => setInstalling(false)}
          onInstall={(options) =>
            install.mutate({ packageName: p.name, packageVersion: p.version, options }, { onSuccess: (r) => void navigate(r.appId ? `/services/detail${r.appId}` : '/catalog?view=installed') })
          }
        />
      ) : (
        <div className="two-col">
          <Card title="About">
            <dl className="kv">
              <dt>Version</dt>
              <dd className="mono">{p.version}</dd>
              <dt>Maintainer</dt>
              <dd>{p.maintainer}</dd>
              <dt>Tags</dt>
              <dd>{p.tags.join(', ') || '—'}</dd>
              {p.website && (
                <>
                  <dt>Website</dt>
                  <dd>
                    <a href={p.website} target="_blank" rel="noreferrer">
                      {p.website}
                    </a>
                  </dd>
                </>
              )}
              {p.licenses.length > 0 && (
                <>
                  <dt>Licenses</dt>
                  <dd>{p.licenses.map((l) => l.name).join(', ')}</dd>
                </>
              )}
            </dl>
          </Card>
          <Card title="Before you install">
            <p className="muted">{p.preInstallNotes ?? 'No special requirements.'}</p>
            <p className="faint small">{p.configSchema ? `${Object.keys((p.configSchema.properties as object | undefined) ?? {}).length} configuration sections` : 'No configuration options.'}</p>
          </Card>
        </div>
      )}
    </>
  )
}
