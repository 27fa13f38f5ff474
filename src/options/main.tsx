import { render } from 'preact';
import { SiteAccess } from './SiteAccess.tsx';

function Options() {
  return (
    <main class="panel-body options">
      <h1>chartlint options</h1>
      <SiteAccess />
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Options />, root);
