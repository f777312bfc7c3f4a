import { useState } from 'react'
import { Link } from 'react-router'
import { useQuery } from '@tanstack/react-query'
import { useApiClient } from '#shared/api/api-client-context.tsx'
import { useCan } from '#shared/session/session-context.tsx'
import { Button } from '#shared/ui/button.tsx'
import { ConfirmDialog } from '#shared/ui/confirm-dialog.tsx'
import { Icon } from '#shared/ui/icons.tsx'
import { PageHeader } from '#shared/ui/page-header.tsx'
import { EmptyState, ErrorState, LoadingState } from '#shared/ui/state-views.tsx'
import { UrlTabs } from '#shared/ui/tabs.tsx'
import { useUrlParam } from '#shared/ui/use-url-state.ts'
import { installedQueryOptions, packagesQueryOptions } from '../api/get-packages.ts'
import { useUninstallPackage } from '../api/catalog-mutations.ts'
import { PackageIcon } from './package-icon.tsx'
import { TableHead } from '#shared/ui/table-head.tsx'

function Packages() {
  const [q, setQ] = useUrlParam('q')
  const [tag, setTag] = useUrlParam('tag')
  const res = useQuery(packagesQueryOptions(useApiClient(), q, tag))
  return (
    <>
      <div className="toolbar" role="search" aria-label="Search packages">
        <label className="search-box">
          <Icon name="search" size={15} />
          <span className="sr-only">Search packages</span>
          <input type="search" placeholder="Search packages" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        {res.data && (
          <div className="tag-list" role="group" aria-label="Tags">
            {res.data.tags.slice(0, 12).map((t) => (
              <button key={t.tag} type="button" className="tag" aria-pressed={tag === t.tag} onClick={() => setTag(tag === t.tag ? '' : t.tag)}>
                {t.tag} <span className="faint">{t.count}</span>
              </button>
            ))}
          </div>
        )}
      </div>
      {res.isPending ? (
        <LoadingState label="Loading packages…" />
      ) : res.error ? (
        <ErrorState error={res.error} onRetry={() => void res.refetch()} />
      ) : res.data.packages.length === 0 ? (
        <EmptyState title="No packages match">Try another search or tag.</EmptyState>
      ) : (
        <ul className="grid-cards plain-list" aria-label="Packages">
          {res.data.packages.map((p) => (
            <li key={p.name} aria-label={p.name}>
              <Link to={`/catalog/${encodeURIComponent(p.name)}`} className="card card-link package-card">
                <div className="row">
                  <PackageIcon name={p.name} src={p.icon} />
                  <div style={{ minWidth: 0 }}>
                    <strong>{p.name}</strong>
                    <div className="faint small">
                      {p.currentVersion}
                      {p.selected && ' · Certified'}
                    </div>
                  </div>
                </div>
                <p className="muted small package-desc">{p.description}</p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

function Installed() {
  const res = useQuery(installedQueryOptions(useApiClient()))
  const canInstall = useCan('catalog:install')
  const uninstall = useUninstallPackage()
  const [target, setTarget] = useState<{ packageName: string; appId: string } | null>(null)
  if (res.isPending) return <LoadingState />
  if (res.error) return <ErrorState error={res.error} onRetry={() => void res.refetch()} />
  if (res.data.packages.length === 0) return <EmptyState title="Nothing installed">Install a package from the catalog.</EmptyState>
  return (
    <div className="card">
      <table className="tbl" aria-label="Installed packages">
        <TableHead columns={['Service', 'Package', 'Version', { label: 'Actions', hidden: true }]} />
        <tbody>
          {res.data.packages.map((p) => (
            <tr key={p.appId} aria-label={p.appId}>
              <td>
                <Link to={`/services/detail${p.appId}`}>{p.appId}</Link>
              </td>
              <td>{p.packageName}</td>
              <td className="mono small">{p.packageVersion}</td>
              <td>
                {canInstall && (
                  <Button size="sm" variant="danger" onClick={() => setTarget({ packageName: p.packageName, appId: p.appId })} aria-label={`Uninstall ${p.appId}`}>
                    Uninstall
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {target && (
        <ConfirmDialog
          title={`Uninstall ${target.appId}?`}
          confirmLabel="Uninstall"
          typeToConfirm={target.appId.split('/').pop()}
          pending={uninstall.isPending}
          onCancel={() => setTarget(null)}
          onConfirm={() => uninstall.mutate(target, { onSettled: () => setTarget(null) })}
        >
          The service and its tasks are removed. Data on its volumes may be lost.
        </ConfirmDialog>
      )}
    </div>
  )
}

export function CatalogPage() {
  return (
    <>
      <PageHeader title="Catalog" subtitle="Packages from the configured repositories" />
      <UrlTabs
        label="Catalog sections"
        param="view"
        tabs={[
          { id: 'packages', label: 'Packages', content: () => <Packages /> },
          { id: 'installed', label: 'Installed', content: () => <Installed /> },
        ]}
      />
    </>
  )
}
