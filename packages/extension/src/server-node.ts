// The language server as a Node process (desktop VS Code).
import { startNodeServer } from 'certiref-language/server';

startNodeServer();
