import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's Chromium, driven by playwright-core (no browser is downloaded). */
export const CHROMIUM = ['/usr/bin/chromium', '/usr/lib/chromium/chromium'].find((p) => fs.existsSync(p));

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launch(): Promise<Browser> {
    if (!CHROMIUM) throw new Error('Chromium is not installed: run `bash test/setup.sh` (apt-get install chromium)');
    return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/**
 * A browser with a profile of its own that allows third-party cookies: VS Code for the Web
 * hosts webviews on another origin, whose service worker Chromium refuses otherwise.
 */
export async function launchWithProfile(viewport: { width: number; height: number }): Promise<BrowserContext> {
    if (!CHROMIUM) throw new Error('Chromium is not installed: run `bash test/setup.sh` (apt-get install chromium)');
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'certiref-chromium-'));
    fs.mkdirSync(path.join(profile, 'Default'));
    fs.writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
    return chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, viewport });
}

/** axe-core's source, to inject in a page. */
export const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation { id: string; impact: string; help: string; nodes: { target: string[] }[] }
