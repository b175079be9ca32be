"""The attack suite's harness: weibao-lint run as an adversary would run
it, each run bounded in time and memory and measured, and the checks every
attack ends with (the exit code, nothing whole printed, no node replaced,
nothing outside the allowed folder read).

Run by ctest with WB_LINT, WB_TEST_DATA and WB_SOURCE_DIR set."""

import os
import re
import resource
import shutil
import stat
import subprocess
import tempfile
import threading
import time
import unittest

LINT = os.environ["WB_LINT"]
DATA = os.environ["WB_TEST_DATA"]
SOURCE = os.environ["WB_SOURCE_DIR"]

# Bounds every attack must end within: a hang or a blow-up is a failure,
# not a slow test.
TIME_LIMIT = 30.0
MEMORY_LIMIT = 1 << 30  # address space, bytes


class Run:
    """One finished run: exit code, output as text, the peak resident set
    (KiB) and the wall time (s)."""

    def __init__(self, rc, out, err, maxrss_kib, seconds, timed_out):
        self.rc, self.out, self.err = rc, out, err
        self.maxrss_kib, self.seconds, self.timed_out = maxrss_kib, seconds, timed_out

    @property
    def text(self):
        return self.out + self.err


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(*args, stdin=None, cwd=None, timeout=TIME_LIMIT):
    """Run weibao-lint with args; never waits past timeout (the process is
    killed and timed_out set) and never lets it map more than MEMORY_LIMIT."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        p = subprocess.Popen([LINT, *args], cwd=cwd, stdout=out, stderr=err,
                             stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                             preexec_fn=_limit_memory)
        if stdin is not None:
            def feed():
                try:
                    p.stdin.write(stdin)
                    p.stdin.close()
                except (BrokenPipeError, ValueError):
                    pass
            threading.Thread(target=feed, daemon=True).start()
        killed = []
        timer = threading.Timer(timeout, lambda: (killed.append(1), p.kill()))
        start = time.monotonic()
        timer.start()
        # wait4 for the child's own peak memory (RUSAGE_CHILDREN would be the
        # largest of every child so far).
        _, status, usage = os.wait4(p.pid, 0)
        seconds = time.monotonic() - start
        timer.cancel()
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(p.returncode, out.read().decode("utf-8", "replace"),
                   err.read().decode("utf-8", "replace"), usage.ru_maxrss, seconds,
                   bool(killed))


# Personal data planted by the attacks. Each is valid (check character,
# Luhn), so the scan must find it; none may ever be printed whole.
MINOR_ID = "110105201503071235"   # born 2015-03-07: a minor
ADULT_ID = "110105198001010016"
PHONE = "13812345678"
CARD = "6222021001123456789"      # passes Luhn


def digits(s):
    return re.sub(r"[^0-9Xx]", "", s)


class AttackCase(unittest.TestCase):
    """A test case with a private temporary folder (self.dir) and the
    checks every attack ends with."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="wb-attack-")
        self.addCleanup(shutil.rmtree, self.dir, True)

    def path(self, *parts):
        return os.path.join(self.dir, *parts)

    def write(self, name, data, mode="w"):
        p = self.path(name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        if isinstance(data, str):
            data = data.encode("utf-8")
        with open(p, "wb") as f:
            f.write(data)
        return p

    def lint(self, *args, expect=None, **kw):
        """Run weibao-lint; it must end in bounded time and memory, never
        crash, and exit with `expect` (an int or a tuple) when given."""
        r = run(*args, **kw)
        self.assertFalse(r.timed_out, "did not end within %ss: %s" % (TIME_LIMIT, args))
        self.assertGreaterEqual(r.rc, 0, "killed by signal %d: %s\n%s" % (-r.rc, args, r.err))
        self.assertLess(r.maxrss_kib, MEMORY_LIMIT // 1024)
        if expect is not None:
            allowed = expect if isinstance(expect, tuple) else (expect,)
            self.assertIn(r.rc, allowed, "exit %d, wanted %s: %s\n%s%s"
                          % (r.rc, allowed, args, r.out, r.err))
        return r

    def assertNothingWhole(self, text, *secrets):
        """None of the secrets (default: the planted ones) appears whole, in
        plain form or with its digits spaced or grouped."""
        # Grouped forms ("1101 0520 ...") are caught on the text with every
        # separator taken out; only long numbers, so that line and column
        # numbers run together cannot make a false alarm.
        flat = digits(text)
        for s in secrets or (MINOR_ID, ADULT_ID, PHONE, CARD):
            self.assertNotIn(s, text)
            if len(digits(s)) >= 15:
                self.assertNotIn(digits(s), flat)

    def assertNodeIntact(self, path, kind):
        """path is still a node of that kind (stat.S_ISCHR, S_ISFIFO...)."""
        st = os.lstat(path)
        self.assertTrue(kind(st.st_mode), "%s was replaced" % path)
