/**
 * Preloaded (`node --import`) into the sandbox's `podeip run` child: the sandbox holds the write end
 * of the child's stdin, and the system closes it however the sandbox ends, SIGKILL included. At that
 * end of input the controller is asked to stop, as on SIGTERM, instead of running on under init.
 */
process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM'));
process.stdin.on('error', () => process.kill(process.pid, 'SIGTERM'));
process.stdin.resume();
// Reading stdin must not keep a controller that is done from exiting.
(process.stdin as unknown as { unref?: () => void }).unref?.();
