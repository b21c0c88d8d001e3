export { fileFor, serve } from '../../src/print/serve.ts';
