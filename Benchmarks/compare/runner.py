"""Running one measured command for Benchmarks/compare.sh: wall time, peak RSS of its whole process tree, a time
limit, and cleanup of everything it started. Standard library only (Linux /proc).

Every command runs in a new session (so its process group and session id are its pid): the peak RSS is the largest
sum, over the samples, of the resident memory of every process in that session (children, grandchildren, and
orphans that stayed in it), and cleanup kills the whole group.
"""
import os
import signal
import subprocess
import threading
import time

PAGE = os.sysconf("SC_PAGE_SIZE")


def _unblocked() -> None:
    """In the child before exec: no blocked signals and default SIGINT/SIGTERM handling.

    A process launched from a background job or some supervisors inherits a blocked signal mask or SIGINT ignored;
    Python distilabel (and ours) would then never see Ctrl+C.
    """
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGPIPE):
        signal.signal(number, signal.SIG_DFL)


def session_rss_bytes(session: int) -> int:
    """Resident bytes of every process whose session id is `session`."""
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                stat = handle.read()
            # Fields after the command name (which may hold spaces) start after the last ')'.
            fields = stat[stat.rindex(b")") + 2:].split()
            if int(fields[3]) != session:  # field 6 of stat: session id
                continue
            with open(f"/proc/{entry}/statm", "rb") as handle:
                total += int(handle.read().split()[1]) * PAGE
        except (OSError, ValueError, IndexError):
            continue
    return total


class Measured:
    """A command started in its own session, sampled for memory until it ends."""

    def __init__(self, command, env=None, cwd=None, log_path=None, interval=0.05):
        self.log = open(log_path, "ab") if log_path else subprocess.DEVNULL
        if log_path:
            self.log.write(("\n$ " + " ".join(map(str, command)) + "\n").encode())
            self.log.flush()
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            [str(part) for part in command], env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=self.log,
            stderr=subprocess.STDOUT, start_new_session=True, preexec_fn=_unblocked)
        self.peak = 0
        self.ended = None
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample, args=(interval,), daemon=True)
        self._sampler.start()

    def _sample(self, interval: float) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, session_rss_bytes(self.process.pid))
            self._stop.wait(interval)

    def signal_group(self, number: int) -> None:
        try:
            os.killpg(self.process.pid, number)
        except ProcessLookupError:
            pass

    def wait(self, limit: float) -> bool:
        """Waits up to `limit` seconds from now; True if the command ended."""
        try:
            self.process.wait(timeout=max(0.0, limit))
        except subprocess.TimeoutExpired:
            return False
        self.ended = self.ended or time.monotonic()
        return True

    def elapsed(self) -> float:
        return (self.ended or time.monotonic()) - self.started

    def finish(self) -> None:
        """Kills whatever is left of the group (a hung run, orphaned workers) and stops sampling."""
        if self.process.poll() is None:
            self.signal_group(signal.SIGTERM)
            if not self.wait(5):
                self.signal_group(signal.SIGKILL)
                self.process.wait()
        self.ended = self.ended or time.monotonic()
        # Orphans of a finished leader keep the group id: end them too.
        self.signal_group(signal.SIGKILL)
        self._stop.set()
        self._sampler.join()
        if self.log is not subprocess.DEVNULL:
            self.log.close()


def run(command, limit, env=None, cwd=None, log_path=None):
    """Runs `command` to its end or for at most `limit` seconds.

    Returns {"wall": s, "rss_mb": peak MB of the tree, "rc": exit code or None, "timed_out": bool}.
    """
    try:
        measured = Measured(command, env=env, cwd=cwd, log_path=log_path)
    except OSError as error:  # a missing binary: a failed run, reported as such
        if log_path:
            with open(log_path, "a") as handle:
                handle.write(f"cannot start {command[0]}: {error}\n")
        return {"wall": 0.0, "rss_mb": 0.0, "rc": None, "timed_out": False, "error": str(error)}
    try:
        ended = measured.wait(limit)
    finally:
        measured.finish()
    return {
        "wall": measured.elapsed(), "rss_mb": measured.peak / 1_048_576,
        "rc": measured.process.returncode if ended else None, "timed_out": not ended,
    }
