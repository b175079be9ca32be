"""Attacks through the files weibao-lint is given or led to: a dossier
naming files outside its folder, special files, link loops, files over
the size limit, output targets that are not regular files, a score sheet
wider than its header."""

import hashlib
import json
import os
import stat
import threading
import unittest

from support import AttackCase, SOURCE

DOSSIER = """<?xml version="1.0" encoding="UTF-8"?>
<dossier xmlns="urn:weibao:dossier:1" format="1" county="测试县" rubric="meihekou-2022"
         as-of="2026-11-29">
  <title>本级自评</title>
{body}</dossier>
"""

# A secret beside the county's folder: nothing of it may reach any output.
SECRET = "root:x:0:0:canary-7f3a9c:/root:/bin/bash\n"

FORMATS = ("text", "json", "html", "csv")


class DossierNamesFiles(AttackCase):
    def setUp(self):
        super().setUp()
        self.secret = self.write("secret.txt", SECRET)
        self.digest = hashlib.sha256(SECRET.encode()).hexdigest()
        os.mkdir(self.path("county"))

    def dossier(self, body):
        return self.write("county/dossier.xml", DOSSIER.format(body=body))

    def assertNothingOfTheSecret(self, r):
        for leak in ("canary-7f3a9c", "root:x:0:0", self.digest):
            self.assertNotIn(leak, r.text)

    def test_a_dossier_naming_files_outside_its_folder_is_refused(self):
        os.symlink("../secret.txt", self.path("county", "link.csv"))
        os.symlink("..", self.path("county", "up"))
        for body in ('  <ledger href="../../../../etc/passwd"/>\n',
                     '  <ledger href="/etc/shadow" kind="meetings"/>\n',
                     '  <ledger href="../secret.txt" kind="meetings"/>\n',
                     '  <ledger href="link.csv"/>\n',
                     '  <ledger href="up/secret.txt"/>\n',
                     '  <rule-pack href="../secret.txt"/>\n',
                     '  <score-sheet href="../secret.txt"/>\n',
                     '  <score-sheet href="link.csv"/>\n'):
            path = self.dossier(body)
            for fmt in FORMATS:
                r = self.lint("score", "--format", fmt, path, expect=2)
                self.assertEqual(r.out, "", body)
                self.assertIn("dossier.xml:5:3:", r.err, body)
                self.assertIn("[dossier-path]", r.err, body)
                self.assertNothingOfTheSecret(r)
            r = self.lint("check", "--format", "json", path, expect=1)
            self.assertEqual([f["rule"] for f in json.loads(r.out)], ["dossier-path"])
            self.assertNothingOfTheSecret(r)

    def test_reading_outside_is_the_callers_choice(self):
        body = '  <ledger href="../secret.txt" kind="meetings"/>\n'
        path = self.dossier(body)
        r = self.lint("score", "--format", "json", "--read-outside-dossier", path,
                      expect=(0, 1))
        # Read now, so hashed among the inputs: the caller asked for it.
        self.assertIn(self.digest, r.out)

    def test_a_dossier_ledger_that_is_a_special_file_is_not_read(self):
        os.mkfifo(self.path("county", "pipe.csv"))
        nodes = ['  <ledger href="pipe.csv"/>\n']
        if os.geteuid() == 0:
            os.mknod(self.path("county", "zero.csv"), 0o666 | stat.S_IFCHR, os.makedev(1, 5))
            nodes.append('  <ledger href="zero.csv" kind="meetings"/>\n')
        os.symlink("/dev/zero", self.path("county", "devzero.csv"))
        for body in nodes:
            r = self.lint("score", "--lang", "en", self.dossier(body), expect=1)
            self.assertIn("not a regular file: only regular files are read [dossier-file]", r.out)
        r = self.lint("score", self.dossier('  <ledger href="devzero.csv"/>\n'), expect=2)
        self.assertIn("[dossier-path]", r.err)

    def test_a_score_sheet_row_wider_than_its_header(self):
        row = "2.3,2," + ",".join("x%d" % i for i in range(18))
        self.write("county/scores.csv", "考核标准,得分\n" + row + "\n" + "1.1," + "," * 60 + "\n")
        path = self.dossier('  <score-sheet href="scores.csv"/>\n')
        r = self.lint("score", "--format", "json", path, expect=(0, 1))
        self.assertIn('"claimed": 2', r.out)


class SpecialFiles(AttackCase):
    def test_check_refuses_a_fifo_and_devices_at_once(self):
        os.mkfifo(self.path("pipe"))
        for target in (self.path("pipe"), "/dev/zero", "/dev/urandom"):
            r = self.lint("check", target, expect=2, timeout=10)
            self.assertIn("not a regular file: only regular files are read", r.err)

    def test_a_folder_holding_a_fifo_and_link_loops_ends_each_file_once(self):
        os.makedirs(self.path("dir", "sub"))
        self.write("dir/note.txt", "无个人信息\n")
        self.write("dir/sub/more.txt", "无个人信息\n")
        os.mkfifo(self.path("dir", "pipe"))
        os.symlink("../dir", self.path("dir", "self"))
        os.symlink("..", self.path("dir", "sub", "up"))
        os.symlink("note.txt", self.path("dir", "same.txt"))
        r = self.lint("check", "--lang", "en", "--fail-on", "warning", self.path("dir"),
                      expect=0, timeout=10)
        lines = sorted(r.out.splitlines())
        d = self.path("dir")
        self.assertEqual(lines, sorted([
            d + "/pipe: note: a FIFO, device or socket, not a regular file: skipped, never opened [file-skipped]",
            d + "/same.txt: note: the same file as one already checked (a link or another name): skipped [file-skipped]",
            d + "/self: note: a link to a folder already walked: skipped [file-skipped]",
            d + "/sub/up: note: a link to a folder already walked: skipped [file-skipped]",
        ]))

    def test_a_deep_chain_of_links_is_bounded(self):
        # Every level links back to the top and to the next: without a
        # memory of folders walked, the walk grows exponentially.
        os.mkdir(self.path("top"))
        cur = self.path("top")
        for i in range(12):
            os.mkdir(os.path.join(cur, "d"))
            os.symlink(self.path("top"), os.path.join(cur, "a"))
            os.symlink(os.path.join(cur, "d"), os.path.join(cur, "b"))
            cur = os.path.join(cur, "d")
        r = self.lint("check", "--format", "json", self.path("top"), expect=0, timeout=20)
        self.assertLess(r.seconds, 20)

    def test_a_file_over_the_limit_is_refused_before_it_is_read(self):
        path = self.path("big.xml")
        with open(path, "wb") as f:
            f.write(b'<?xml version="1.0"?>\n<rubric xmlns="urn:weibao:rubric:1">' + b" " * 20000)
            f.truncate((1 << 30) + 10)    # sparse: costs nothing on disk
        r = self.lint("check", path, expect=2, timeout=20)
        self.assertIn("is 1073741834 bytes, more than the 1073741824 this input may have", r.err)
        # Refused from its size, not after reading it: far below 1 GiB.
        self.assertLess(r.maxrss_kib, 64 * 1024)

    def test_cannot_open_says_why(self):
        r = self.lint("check", self.path("missing.csv"), expect=2)
        self.assertIn("No such file or directory", r.err)
        r = self.lint("redact", self.path("missing.txt"), "-o", "-", expect=2)
        self.assertIn("No such file or directory", r.err)


class OutputTargets(AttackCase):
    def setUp(self):
        super().setUp()
        self.dossier = os.path.join(SOURCE, "examples", "dossier", "dossier.xml")
        self.text = self.write("in.txt", "联系电话 13812345678\n")

    def test_a_fifo_is_written_in_place_never_replaced(self):
        fifo = self.path("out.fifo")
        os.mkfifo(fifo)
        got = []
        reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()))
        reader.start()
        r = self.lint("redact", self.text, "-o", fifo, expect=0)
        reader.join(10)
        self.assertNodeIntact(fifo, stat.S_ISFIFO)
        self.assertIn("138****5678", got[0].decode())
        # Nobody reading: refused at once, not waited on, still a FIFO.
        r = self.lint("score", self.dossier, "-o", fifo, expect=2, timeout=10)
        self.assertIn("a FIFO nobody is reading", r.err)
        self.assertNodeIntact(fifo, stat.S_ISFIFO)

    @unittest.skipUnless(os.geteuid() == 0, "making a device node needs root")
    def test_a_device_is_written_in_place_never_replaced(self):
        null = self.path("null")
        os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        full = self.path("full")
        os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
        self.lint("score", self.dossier, "-o", null, expect=1)
        self.lint("redact", self.text, "-o", null, expect=0)
        self.assertNodeIntact(null, stat.S_ISCHR)
        r = self.lint("score", self.dossier, "-o", full, expect=2)
        self.assertIn("No space left on device", r.err)
        self.assertNodeIntact(full, stat.S_ISCHR)

    def test_a_folder_is_refused_and_a_link_kept(self):
        os.mkdir(self.path("folder"))
        r = self.lint("redact", self.text, "-o", self.path("folder"), expect=2)
        self.assertIn("it is a folder", r.err)
        self.assertTrue(os.path.isdir(self.path("folder")))
        self.write("real.txt", "old\n")
        os.symlink("real.txt", self.path("link.txt"))
        self.lint("redact", self.text, "-o", self.path("link.txt"), expect=0)
        self.assertTrue(os.path.islink(self.path("link.txt")))
        with open(self.path("real.txt"), encoding="utf-8") as f:
            self.assertIn("138****5678", f.read())


if __name__ == "__main__":
    unittest.main()
