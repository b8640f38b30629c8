export * from './config.js';
export * from './errors.js';
export * from './model.js';
export * from './neo4j/connect.js';
export * from './neo4j/embedded.js';
export * from './neo4j/schema.js';
