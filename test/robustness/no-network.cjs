// Preloaded (node --require) into certiref by the no-network test: every way Node has to open a
// connection or resolve a name throws, and each attempt is appended to CERTIREF_NETWORK_LOG.
// Loopback connections are refused too: certiref needs none (the language server talks over
// stdio).
const fs = require('node:fs');

const log = process.env.CERTIREF_NETWORK_LOG;
function refuse(what) {
    return function refused() {
        const line = `${what} ${JSON.stringify(Array.from(arguments).filter((a) => typeof a !== 'function')).slice(0, 200)}\n`;
        if (log) fs.appendFileSync(log, line);
        throw new Error(`certiref test: network access refused (${what})`);
    };
}

const net = require('node:net');
net.connect = net.createConnection = refuse('net.connect');
net.Socket.prototype.connect = refuse('net.Socket.connect');
net.createServer = refuse('net.createServer');
const tls = require('node:tls');
tls.connect = refuse('tls.connect');
const dns = require('node:dns');
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveTxt', 'resolveSrv', 'reverse']) {
    dns[name] = refuse(`dns.${name}`);
    if (dns.promises[name]) dns.promises[name] = refuse(`dns.promises.${name}`);
}
for (const module of ['node:http', 'node:https', 'node:http2']) {
    const m = require(module);
    for (const name of ['request', 'get', 'connect', 'createServer']) if (typeof m[name] === 'function') m[name] = refuse(`${module.slice(5)}.${name}`);
}
const dgram = require('node:dgram');
dgram.createSocket = refuse('dgram.createSocket');
globalThis.fetch = refuse('fetch');
globalThis.WebSocket = function WebSocket() {
    refuse('WebSocket')();
};
