// Writes kong/kong.yml and kong/k8s/gateway.yaml (run by scripts/gen-kong.sh, which finds decK).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { kongForKubernetes, kongYml } from './lib/kong-config.ts';

const kongFile = fileURLToPath(new URL('../kong/kong.yml', import.meta.url));
const kubernetesFile = fileURLToPath(new URL('../kong/k8s/gateway.yaml', import.meta.url));

const text = await kongYml();
writeFileSync(kongFile, text);
writeFileSync(kubernetesFile, kongForKubernetes(text));
console.log(`wrote ${kongFile} and ${kubernetesFile}`);
// The services' modules may hold timers or sockets open; the files are written.
process.exit(0);
