// The libraries that read Word files (mammoth, and jszip for the container's checks), apart:
// the CLI bundles them on their own and reads them only when a document is imported.
export { default as JSZip } from 'jszip';
export { default as mammoth } from 'mammoth';
