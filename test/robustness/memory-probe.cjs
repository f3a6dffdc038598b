// Preloaded into the language server by the soak test (node --expose-gc --require …): on
// SIGUSR2, collect all garbage, then write the process's memory to CERTIREF_MEMORY_FILE. The
// server itself is not changed; the signal is handled on its event loop, between two messages.
const fs = require('node:fs');

process.on('SIGUSR2', () => {
    for (let i = 0; i < 3; i++) global.gc();
    const file = process.env.CERTIREF_MEMORY_FILE;
    if (file) fs.writeFileSync(file, JSON.stringify(process.memoryUsage()));
});
