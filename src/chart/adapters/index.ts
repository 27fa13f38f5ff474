import type { DomAdapter } from '../adapter.ts';
import { ccda } from './ccda.ts';
import { ccdaRendered } from './ccda-rendered.ts';
import { demoEhr } from './demo-ehr.ts';
import { fhirJsonView } from './fhir-json-view.ts';
import { generic } from './generic.ts';
import { medplum } from './medplum.ts';
import { xmlViewer } from './xml-viewer.ts';

/**
 * The DOM adapters, most specific first. The first whose `matches` holds reads the page; the
 * generic adapter, last, claims any page nobody else does.
 */
export const DOM_ADAPTERS: readonly DomAdapter[] = [ccda, xmlViewer, ccdaRendered, medplum, demoEhr, fhirJsonView, generic];
