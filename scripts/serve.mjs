// `npm start`: serves the repository (examples/ and the built packages) at http://localhost:8080/examples/.
import { startStaticServer } from './static-server.mjs';

const port = Number(process.env.PORT ?? 8080);
await startStaticServer({ port });
console.log(`chiso demo: http://localhost:${port}/examples/  (Ctrl+C to stop)`);
