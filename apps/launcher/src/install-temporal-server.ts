import { installTemporalServer, serverInstallDir } from '../../../libs/platform/src/index.js';

/**
 * `npm run temporal-server:install`: builds the Temporal server and its schema tool (cluster mode,
 * cluster test tier, scale benchmark) into the cache, so CI pays the build once, as a visible step.
 */
function main(): void {
  const install = installTemporalServer();
  process.stdout.write(
    `Temporal server: ${install.server}\nschema tool: ${install.sqlTool}\nschemas: ${install.schemaDir}\n`,
  );
  process.stdout.write(`(cache ${serverInstallDir()})\n`);
}

try {
  main();
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
