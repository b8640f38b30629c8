#!/usr/bin/env node
// npm's postinstall: fetch the embedded Neo4j's jars once, with Maven, from
// Maven Central, so that nothing is downloaded when the app runs. Says plainly
// what is missing when Java 17+ or Maven is not on the machine.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const project = path.join(root, 'neo4j-embedded');
const jar = path.join(project, 'target', 'launcher.jar');

if (process.env.NEO4J_URI) {
  console.log('actorgraph: NEO4J_URI is set, so the embedded Neo4j is not installed.');
  process.exit(0);
}

// What `java -version` says: its major version is checked here, and the whole text stamps the class archive.
const javaVersionText = readJavaVersionText();
const javaVersion = majorJavaVersion(javaVersionText);
if (javaVersion === undefined) fail('Java 17 or newer is needed for the embedded Neo4j, and `java` was not found (install openjdk-17-jdk, or set JAVA_HOME).');
if (javaVersion < 17) fail(`Java 17 or newer is needed for the embedded Neo4j; this machine has Java ${javaVersion}.`);

if (isUpToDate()) {
  console.log('actorgraph: embedded Neo4j jars are in place.');
} else {
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error) fail('Maven (`mvn`) is needed once, to fetch Neo4j from Maven Central, and was not found (install maven).');

  console.log('actorgraph: fetching Neo4j 5.26 from Maven Central (once; cached in ~/.m2) …');
  const build = spawnSync('mvn', ['-B', '-q', '-f', path.join(project, 'pom.xml'), 'package'], { stdio: 'inherit' });
  if (build.status !== 0) fail('Maven could not fetch or build the embedded Neo4j (see its output above).');
  console.log('actorgraph: embedded Neo4j ready.');
}
createClassArchive(javaVersionText);

/**
 * The class-data-sharing archive every embedded JVM maps at start (core/src/neo4j/embedded.ts): made again
 * when the jars or the JDK changed. Only a speed-up, so failing to make it is a warning.
 */
function createClassArchive(jdk) {
  const archive = path.join(project, 'target', 'neo4j-classes.jsa');
  const stamp = `${archive}.jdk`;
  const current = existsSync(archive) && existsSync(stamp) && statSync(archive).mtimeMs >= statSync(jar).mtimeMs &&
    readFileSync(stamp, 'utf8') === jdk;
  if (current) return;
  rmSync(archive, { force: true });
  console.log('actorgraph: recording the classes Neo4j loads, so that it starts faster (about a minute, once) …');
  const made = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'create-class-archive.ts')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (made.status === 0 && existsSync(archive)) writeFileSync(stamp, jdk);
  else console.warn('actorgraph: warning: no class archive was made; the embedded Neo4j works, only starts slower.');
}

/** `java -version`'s output (it writes to stderr), or undefined when there is no `java`. */
function readJavaVersionText() {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
  return result.error ? undefined : (result.stderr ?? '');
}

function majorJavaVersion(text) {
  if (text === undefined) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(text);
  if (!match) return undefined;
  // Java 8 and older report themselves as 1.x.
  return match[1] === '1' ? Number(match[2]) : Number(match[1]);
}

function isUpToDate() {
  if (!existsSync(jar) || !existsSync(path.join(project, 'target', 'lib'))) return false;
  const built = statSync(jar).mtimeMs;
  const sources = [path.join(project, 'pom.xml'), ...listFiles(path.join(project, 'src'))];
  return sources.every((file) => statSync(file).mtimeMs <= built);
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

function fail(message) {
  console.error(`actorgraph: ${message}`);
  process.exit(1);
}
