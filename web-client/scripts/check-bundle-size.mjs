// Fails the build when the JavaScript the client ships is over its budget (gzip).
import { javascriptSize } from './bundle-size.mjs';

const BUDGET = 150 * 1024;
const { raw, gzip } = javascriptSize();
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`JavaScript: ${kb(raw)} raw, ${kb(gzip)} gzip (budget ${kb(BUDGET)} gzip)`);
if (gzip > BUDGET) {
  console.error(`The JavaScript is over its budget by ${kb(gzip - BUDGET)} gzip.`);
  process.exit(1);
}
