// Entry point of the explorer.
const status = document.createElement('p');
status.textContent = 'Loading…';
document.querySelector('#app')?.append(status);
const response = await fetch('/api/health');
status.textContent = response.ok ? 'Neo4j is up.' : 'Neo4j is down.';
