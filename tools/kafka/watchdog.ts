/** A detached shell that stops the broker when the process that owns it dies. */
import { spawn } from 'node:child_process';

/** $0 of the watchdog shell, so that stopKafka can recognise it. */
export const WATCHDOG_NAME = 'depeche-kafka-watchdog';

/**
 * sh loop that outlives a crashed owner: when the owner is gone it stops the
 * JVM (TERM, then KILL after 10 s) and removes the temp dir and state file.
 * When the JVM goes first (stopKafka), it exits within a second.
 */
const WATCHDOG_SCRIPT = `owner=$1 jvm=$2 data=$3 state=$4
# kill -0 succeeds on a zombie, so also look at the /proc state letter.
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  case "$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)" in Z|X) return 1 ;; esac
}
while alive "$owner" && alive "$jvm"; do sleep 1; done
alive "$jvm" || exit 0
kill -TERM "$jvm" 2>/dev/null
i=0
while [ $i -lt 10 ] && alive "$jvm"; do sleep 1; i=$((i+1)); done
kill -KILL "$jvm" 2>/dev/null
rm -rf "$data" "$state"
`;

export function spawnWatchdog(
  ownerPid: number,
  jvmPid: number,
  dataDir: string,
  stateFilePath: string,
): number | undefined {
  const child = spawn(
    'sh',
    [
      '-c',
      WATCHDOG_SCRIPT,
      WATCHDOG_NAME,
      String(ownerPid),
      String(jvmPid),
      dataDir,
      stateFilePath,
    ],
    { detached: true, stdio: 'ignore' },
  );
  child.unref();
  return child.pid;
}
