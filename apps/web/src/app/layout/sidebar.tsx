import { NavLink } from 'react-router'
import { Icon, type IconName } from '#shared/ui/icons.tsx'

const MAIN: Array<{ to: string; label: string; icon: IconName }> = [
  { to: '/', label: 'Dashboard', icon: 'dashboard' },
  { to: '/services', label: 'Services', icon: 'services' },
  { to: '/jobs', label: 'Jobs', icon: 'jobs' },
  { to: '/catalog', label: 'Catalog', icon: 'catalog' },
  { to: '/nodes', label: 'Nodes', icon: 'nodes' },
  { to: '/plans', label: 'Plans', icon: 'plans' },
]

export function Sidebar() {
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark">
          <Icon name="logo" size={18} />
        </span>
        Meridian
      </div>
      {MAIN.map((item) => (
        <NavLink key={item.to} to={item.to} end={item.to === '/'} className="nav-link">
          <Icon name={item.icon} />
          {item.label}
        </NavLink>
      ))}
      <div className="nav-section">System</div>
      <NavLink to="/settings" className="nav-link">
        <Icon name="settings" />
        Settings
      </NavLink>
      <div className="sidebar-foot">
        Press <kbd>Ctrl</kbd> <kbd>K</kbd> to jump anywhere
      </div>
    </nav>
  )
}
