// The compactor's thread starts here (see compactor.ts): it lowers its own priority first, so that
// everything it starts inherits it (the TypeScript loader's thread too), then loads the worker.
// On Linux a nice value belongs to a thread: this lowers this thread's, not the server's.
import os from "node:os";
import { register } from "tsx/esm/api";

os.setPriority(10);
register();
await import("./compactor-worker.ts");
