// Debian's Chromium for the browser tests, launched headless as this machine allows (no sandbox,
// no GPU, no network beyond the test server), through playwright-core.
import { chromium } from "playwright-core";

const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** Starts the browser; resolves to playwright's `Browser`. */
export function launch() {
  return chromium.launch({
    executablePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}
