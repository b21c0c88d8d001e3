/// <reference types="astro/client" />

// `tsc` alone does not know .astro files (the Astro language server does); components are
// checked by the Astro build, so tsc only needs to know they are components.
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
