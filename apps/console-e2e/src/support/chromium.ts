import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium (Playwright's own browser download cannot be reached here). Playwright gives every launch a
 * fresh temporary profile, so no cookie or storage survives from one run to the next.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
