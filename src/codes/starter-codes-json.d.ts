// The starter table is generated at build time (scripts/build-starter-codes.ts) and git-ignored.
// This declaration types the import whether or not the file exists yet, so a fresh clone
// type-checks before the first build, and TypeScript never infers a type from a megabyte literal.
declare module '*/generated/starter-codes.json' {
  import type { StarterData } from './starter-format.ts';
  const data: StarterData;
  export default data;
}
