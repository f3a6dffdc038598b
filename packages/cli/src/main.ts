// The `certiref` process (bin/certiref.cjs runs its bundle): the command line (cli.ts), or a
// worker thread of a large check (shard.ts) when the bundle runs again as one.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { main } from './cli.js';
import { workerMain, type ShardSettings } from './shard.js';

// A reader that goes away (`certiref … | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
});

if (!isMainThread && (workerData as { certirefCheckWorker?: boolean } | undefined)?.certirefCheckWorker) {
    void workerMain((workerData as { settings: ShardSettings }).settings, parentPort!);
} else {
    main(process.argv.slice(2)).then((code) => {
        if (code >= 0) process.exitCode = code;
    });
}
