// Preloaded with --require: at exit, writes the process's peak resident memory (KiB, worker
// threads included) to the file named by BENCH_PEAK_FILE.
process.on('exit', () => {
    if (process.env.BENCH_PEAK_FILE) require('node:fs').writeFileSync(process.env.BENCH_PEAK_FILE, String(process.resourceUsage().maxRSS));
});
