import { render } from 'preact';
import { useState } from 'preact/hooks';
import { CodeSetImport } from './CodeSetImport.tsx';
import { CustomPackImport } from './CustomPackImport.tsx';
import { LocalData } from './LocalData.tsx';
import { RulePacks } from './RulePacks.tsx';
import { SiteAccess } from './SiteAccess.tsx';
import { SiteProfiles } from './SiteProfiles.tsx';
import { SubmitCheck } from './SubmitCheck.tsx';
import { Table5Import } from './Table5Import.tsx';
import { Thresholds } from './Thresholds.tsx';
import { useSettings } from './use-settings.ts';

function Options() {
  const { settings, error, update, reload } = useSettings();
  // Forms keep their own draft state; after "erase all" they start again from the defaults.
  const [epoch, setEpoch] = useState(0);
  const afterErase = async () => {
    await reload();
    setEpoch((n) => n + 1);
  };
  return (
    <main class="panel-body options">
      <h1>chartlint options</h1>
      <nav aria-label="Sections" class="toc">
        <a href="#sites-heading">Sites</a> · <a href="#packs-heading">Rule packs</a> · <a href="#thresholds-heading">Thresholds</a> ·{' '}
        <a href="#guard-heading">Pre-submission check</a> · <a href="#custom-heading">Custom packs</a> · <a href="#codes-heading">Code sets</a> ·{' '}
        <a href="#weights-heading">DRG weights</a> ·{' '}
        <a href="#profiles-heading">Site profiles</a> ·{' '}
        <a href="#data-heading">Data</a>
      </nav>
      <SiteAccess />
      {!settings && !error && <p class="state">Loading settings…</p>}
      {error && <p class="problem" role="alert">{error}</p>}
      {settings && (
        <div key={epoch} data-testid="settings-sections">
          <RulePacks settings={settings} update={update} />
          <Thresholds settings={settings} update={update} />
          <SubmitCheck settings={settings} update={update} />
          <CustomPackImport settings={settings} update={update} />
          <CodeSetImport />
          <Table5Import />
        </div>
      )}
      <SiteProfiles />
      {settings && <LocalData settings={settings} update={update} onErased={afterErase} />}
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Options />, root);
