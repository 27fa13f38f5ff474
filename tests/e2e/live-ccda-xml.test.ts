import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChartSession, panelFindings, type ChartSession } from '../../scripts/panel.ts';

// A raw C-CDA open in a tab (served as application/xml, as document exchange viewers and
// HIE portals link them): the content script reads the XML document itself. The corpus is
// read in place from ../shared, never copied.
const EXAMPLES = resolve('../shared/corpora/ccda-hl7/ccda-examples');
// An advance-care document with an author but no legalAuthenticator: it is not signed. (It
// has no xml-stylesheet instruction: the corpus ships no CDA.xsl, and Chromium shows an XML
// whose stylesheet fails to load as an empty document, with nothing for anyone to read.)
const DOCUMENT = 'Unstructured/CDA with Embedded PDF 2/CDA_with_Embedded_PDF.xml';

describe.skipIf(!existsSync(resolve(EXAMPLES, DOCUMENT)))('a raw C-CDA XML document in Chromium', () => {
  let session: ChartSession;
  let chart: Page;
  let panel: Page;

  beforeAll(async () => {
    session = await openChartSession(EXAMPLES, DOCUMENT.split('/').map(encodeURIComponent).join('/'));
    ({ chart, panel } = session);
    expect(session.response?.headers()['content-type']).toMatch(/^application\/xml/);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows the document’s findings: it has no legal authenticator', async () => {
    const findings = await panelFindings(panel);
    expect(findings.filter((f) => f.rule === 'document-unsigned').map((f) => f.message)).toEqual([
      expect.stringMatching(/^Personal Advance Care Document by Roger Rienman McBee/),
    ]);
  });

  it('shows the patient and the ccda adapter in the Chart view', async () => {
    await panel.getByRole('tab', { name: 'Chart' }).click();
    await expect.poll(() => panel.locator('.chart-view').textContent()).toContain('Roger Rienman McBee');
    expect(await panel.locator('.chart-source').textContent()).toContain('ccda');
  });

  it('reads the XML that Chromium’s XML viewer keeps, and leaves it as it was', async () => {
    // Chromium shows an XML file without a stylesheet as an XHTML tree view and keeps the
    // original XML under #webkit-xml-viewer-source-xml (the xml-viewer adapter reads it there).
    expect(await chart.evaluate(() => document.getElementById('webkit-xml-viewer-source-xml')?.firstElementChild?.localName)).toBe('ClinicalDocument');
    expect(await chart.evaluate(() => document.querySelectorAll('chartlint-layer').length)).toBe(0);
  });
});
