// The grouper tables are generated at build time (scripts/build-grouper-tables.ts) and git-ignored.
// This declaration types the import whether or not the file exists yet, so a fresh clone
// type-checks before the first build, and TypeScript never infers a type from a large literal.
declare module '*/generated/grouper-tables.json' {
  const data: unknown;
  export default data;
}
