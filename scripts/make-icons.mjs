// Renders the committed PNG icons from their SVG sources with Debian's
// Chromium (run by hand after changing an SVG: node scripts/make-icons.mjs).
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const jobs = [
  ['public/icons/icon.svg', 192, 'public/icons/icon-192.png'],
  ['public/icons/icon.svg', 512, 'public/icons/icon-512.png'],
  ['public/icons/icon-maskable.svg', 512, 'public/icons/icon-maskable-512.png'],
  ['public/icons/icon-maskable.svg', 180, 'public/icons/apple-touch-icon.png'],
];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
for (const [src, size, out] of jobs) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  const svg = readFileSync(src, 'utf8');
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
  await page.screenshot({ path: out, omitBackground: true });
  await page.close();
  console.log('wrote', out);
}
await browser.close();
