import type { DomAdapter } from '../adapter.ts';
import { ccda } from './ccda.ts';
import { ccdaRendered } from './ccda-rendered.ts';
import { demoEhr } from './demo-ehr.ts';
import { fhirJsonView } from './fhir-json-view.ts';
import { generic } from './generic.ts';
import { medplum } from './medplum.ts';
import { siteProfileAdapter } from './site-profile.ts';
import type { SiteProfile } from '../site-profile/format.ts';
import { xmlViewer } from './xml-viewer.ts';

/**
 * The DOM adapters, most specific first. The first whose `matches` holds reads the page; the
 * generic adapter, last, claims any page nobody else does.
 */
export const DOM_ADAPTERS: readonly DomAdapter[] = [ccda, xmlViewer, ccdaRendered, medplum, demoEhr, fhirJsonView, generic];

/**
 * The adapters for a page of an origin the user taught (see site-profile.ts): the profile's
 * reader first, reading what the profile names on top of the adapter that would read the page
 * without it. Without a profile, DOM_ADAPTERS as they are.
 */
export function adaptersWithProfile(profile: SiteProfile | undefined, adapters: readonly DomAdapter[] = DOM_ADAPTERS): readonly DomAdapter[] {
  return profile ? [siteProfileAdapter(profile, adapters), ...adapters] : adapters;
}
