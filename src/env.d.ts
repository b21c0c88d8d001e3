/// <reference types="astro/client" />

// `tsc` alone does not know .astro files; `astro check` (in npm test) type-checks them, so tsc
// only needs to know they are components.
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}

declare namespace App {
  /** What a page hands to the components it renders. */
  interface Locals {
    /** the data tables (`tables:`) of the manual or manuals on the page, for <DataTable id> */
    tables?: import('./content/schema/index.ts').DataTable[];
  }
}
