import { arr, obj, step, str, type Json } from './json.ts';

/** One resource of the input with the JSON pointer it sits at. */
export interface Located {
  resource: Json;
  pointer: string;
  type: string;
}

/**
 * The resources of a Bundle (each `entry[i].resource`) or the single resource given, with
 * their pointers, and a lookup for references ("Practitioner/123", a fullUrl, "#contained").
 */
export class ResourceIndex {
  readonly all: Located[] = [];
  private readonly byRef = new Map<string, Located>();

  constructor(root: Json) {
    if (root.resourceType === 'Bundle') {
      arr(root.entry).forEach((entry, i) => {
        const resource = obj(obj(entry)?.resource);
        if (resource) this.add(resource, step(step('/entry', i), 'resource'), str(obj(entry)?.fullUrl));
      });
    } else {
      this.add(root, '', undefined);
    }
  }

  private add(resource: Json, pointer: string, fullUrl: string | undefined): void {
    const type = str(resource.resourceType) ?? 'unknown';
    const located = { resource, pointer, type };
    this.all.push(located);
    const id = str(resource.id);
    if (id) this.byRef.set(`${type}/${id}`, located);
    if (fullUrl) this.byRef.set(fullUrl, located);
  }

  /** Resources of one type, in input order. */
  ofType(type: string): Located[] {
    return this.all.filter((r) => r.type === type);
  }

  /** The resource a Reference points at, when it is in the input. */
  resolve(reference: unknown): Located | undefined {
    const ref = str(obj(reference)?.reference);
    if (!ref) return undefined;
    return this.byRef.get(ref) ?? this.byRef.get(ref.replace(/^.*\/(\w+\/[^/]+)$/, '$1'));
  }
}
