/**
 * `npm run analyst -- add NAME [--role viewer|analyst|admin] [--replace]`
 * creates an account and prints its token once; `list` and `remove NAME`
 * manage them. Uses the same database settings as `npm start` (stop the
 * server first when the database is embedded: one process owns its folder).
 */
import { parseArgs } from 'node:util';
import { resolveNeo4jConfig } from '../../../core/src/config.js';
import { AppError, ValidationError } from '../../../core/src/errors.js';
import { openGraph } from '../../../core/src/neo4j/connect.js';
import { ANALYST_ROLES, createAnalyst, listAnalysts, removeAnalyst, type AnalystRole } from '../../../core/src/queries/analysts.js';

const USAGE = `Usage:
  npm run analyst -- add NAME [--role viewer|analyst|admin] [--replace]   create an account, print its token
  npm run analyst -- list                                                  list accounts
  npm run analyst -- remove NAME                                           delete an account (its token stops working)`;

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { role: { type: 'string', default: 'analyst' }, replace: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, name] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  if ((command === 'add' || command === 'remove') && !name?.trim()) {
    throw new ValidationError(`"${command}" needs a NAME\n${USAGE}`, { details: { field: 'NAME' } });
  }
  if (!(ANALYST_ROLES as readonly string[]).includes(values.role!)) {
    throw new ValidationError(`--role must be one of ${ANALYST_ROLES.join(', ')} (got "${values.role}")`, { details: { field: 'role' } });
  }
  if (!['add', 'list', 'remove'].includes(command)) throw new ValidationError(`Unknown command "${command}"\n${USAGE}`);

  const graph = await openGraph(resolveNeo4jConfig(), { lifetime: 'batch' });
  try {
    if (command === 'add') {
      const { analyst, token } = await createAnalyst(graph, name.trim(), values.role as AnalystRole, { replace: values.replace });
      console.error(`Analyst "${analyst.name}" (${analyst.role}). The token is shown only now; keep it safe:`);
      console.log(token);
    } else if (command === 'list') {
      const analysts = await listAnalysts(graph);
      if (analysts.length === 0) console.log('No analysts yet.');
      for (const a of analysts) console.log(`${a.name}\t${a.role}\t${a.createdAt ?? ''}`);
    } else {
      const removed = await removeAnalyst(graph, name.trim());
      console.log(removed ? `Removed "${name}".` : `No analyst "${name}".`);
      if (!removed) process.exitCode = 1;
    }
  } finally {
    await graph.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof AppError ? `Error: ${error.message}` : error);
  process.exit(1);
});
