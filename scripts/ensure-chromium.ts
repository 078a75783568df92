/**
 * First step of `npm test`: makes sure the browser tests have a Chromium before minutes of
 * typechecking, linting and building, so a fresh machine fails at once with the command to run,
 * or gets Debian's package when it may install it (see chromium.ts).
 */
import { ChromiumMissingError, ensureChromium, systemHost } from './chromium';

try {
  console.log(`Chromium pour les tests du navigateur : ${ensureChromium(systemHost())}`);
} catch (e) {
  console.error(e instanceof ChromiumMissingError ? e.message : e);
  process.exit(1);
}
