import { roleAllows } from '../../../src/domain/roles.ts';
import { PageHeading } from '../../shared/page-heading.tsx';
import { useSession } from '../admin-context.ts';
import '../operations.css';
import { useApiGet } from '../use-api-get.ts';
import { BannerSettingsPanel, type ConsentSettings } from './banner-settings-panel.tsx';
import { BannerTextsPanel } from './banner-texts-panel.tsx';
import { CategoriesPanel } from './categories-panel.tsx';
import { NoticeVersionForm } from './notice-version-form.tsx';
import { NoticeVersionsPanel, type NoticeVersion } from './notice-versions-panel.tsx';

/** The banner's sites and the privacy notice it asks consent under; viewers read, admins change. */
export function BannerPage() {
  const session = useSession();
  const canChange = roleAllows(session.user.role, 'admin');
  const settings = useApiGet<ConsentSettings>('/api/admin/consent/settings');
  const versions = useApiGet<{ readonly versions: readonly NoticeVersion[] }>('/api/admin/notices/versions');
  const inForce = versions.data?.versions.find((version) => version.current);
  return (
    <>
      <PageHeading title="Banner and notice" titleSuffix="Privet admin" />
      <p className="lead">
        Add <code>{`<script src="${window.location.origin}/sdk/privet.js" defer></script>`}</code> to a site
        allowed below; the banner offers the categories below and asks for consent under the notice version in
        force, in the visitor’s language where its texts are set here.
      </p>
      {settings.error !== null && (
        <p className="alert" role="alert">
          The settings could not be loaded: {settings.error}
        </p>
      )}
      {settings.data !== null && (
        <>
          <BannerSettingsPanel settings={settings.data} canChange={canChange} onSaved={settings.reload} />
          <BannerTextsPanel settings={settings.data} canChange={canChange} onSaved={settings.reload} />
        </>
      )}
      <CategoriesPanel
        canChange={canChange}
        languages={Object.keys(settings.data?.texts ?? {}).filter((language) => language !== 'en')}
      />
      {versions.error !== null && (
        <p className="alert" role="alert">
          The notice versions could not be loaded: {versions.error}
        </p>
      )}
      {versions.data !== null && (
        <NoticeVersionsPanel
          versions={versions.data.versions}
          canChange={canChange}
          onChanged={versions.reload}
        />
      )}
      {canChange && versions.data !== null && (
        <NoticeVersionForm inForcePurposes={inForce?.purposeKeys ?? []} onCreated={versions.reload} />
      )}
    </>
  );
}
