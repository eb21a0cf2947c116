/**
 * The processes a `pulumi` run starts. The engine puts each plugin (language host, provider host) in its own
 * process group, so killing `pulumi` alone - as SIGKILL on a CI runner's step does - leaves them running; the
 * suite finds them by parentage to clean up after such a test, and to count what is left behind.
 */
import { readdirSync, readFileSync } from "node:fs";

/** Parent pid of each live process, from /proc (Linux, where CI runs). */
function parents(): Map<number, number> {
  const ppid = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses, so split after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ppid.set(Number(entry), Number(fields[1]));
    } catch {
      // exited while we looked
    }
  }
  return ppid;
}

/** Every live descendant of pid (children, their children, ...). */
export function descendantsOf(pid: number): number[] {
  const ppid = parents();
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift() as number;
    for (const [child, p] of ppid) {
      if (p === parent && !found.includes(child)) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

/** Which of pids are still alive. */
export function alive(pids: readonly number[]): number[] {
  return pids.filter((pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  });
}

/** SIGKILLs each of pids that is still alive. */
export function killAll(pids: readonly number[]): void {
  for (const pid of alive(pids)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // gone meanwhile
    }
  }
}
