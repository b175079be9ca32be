"""weibao-lint driven as a user drives it: arguments in, output and exit
status out. Run by ctest with WB_LINT, WB_TEST_DATA and WB_SOURCE_DIR set."""

import json
import os
import re
import subprocess
import tempfile
import unittest

LINT = os.environ["WB_LINT"]
DATA = os.environ["WB_TEST_DATA"]
SOURCE = os.environ["WB_SOURCE_DIR"]
RUBRIC_XML = os.path.join(SOURCE, "data", "rubric.xml")


def run(*args, stdin=None):
    p = subprocess.run([LINT, *args], input=stdin, capture_output=True, timeout=60)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def case(kind, name):
    return os.path.join(DATA, kind, name, "input.xml")


class RubricCommand(unittest.TestCase):
    def test_lists_every_standard_and_veto_item(self):
        rc, out, err = run("rubric")
        self.assertEqual(rc, 0)
        self.assertEqual(err, "")
        ids = re.findall(r"^  (\d+\.\d+|V\d+) ", out, re.M)
        self.assertEqual(len(ids), 75)
        self.assertEqual(ids[0], "1.1")
        self.assertEqual(ids[66], "10.7")
        self.assertEqual(ids[67:], ["V%d" % i for i in range(1, 9)])
        self.assertIn("满分 100 分", out)
        self.assertIn("9 保障措施(16分)", out)
        # Each line: id, points, the start of the text, the units.
        line = next(l for l in out.splitlines() if l.startswith("  2.3 "))
        self.assertIn("2分", line)
        self.assertIn("建立密切接触未成年人岗位入职查询制度", line)
        self.assertIn("[市未保办、市检察院、市公安局、各成员单位]", line)
        self.assertTrue(line.split("  [")[0].endswith("…"))

    def test_one_item_in_full(self):
        rc, out, err = run("rubric", "2.3")
        self.assertEqual((rc, err), (0, ""))
        self.assertIn("30个工作日内与有相关违法犯罪记录的人员解除工作关系。", out)
        self.assertIn("分值:2分", out)
        self.assertIn("从业查询", out)
        rc, out, _ = run("rubric", "V1")
        self.assertEqual(rc, 0)
        self.assertIn("一票否决", out)
        self.assertIn("等相关单位", out)

    def test_corrected_reading_shown_beside_the_printed_text(self):
        rc, out, _ = run("rubric", "2.5")
        self.assertEqual(rc, 0)
        self.assertIn("审核势头", out)
        self.assertIn("校正读法:", out)

    def test_unknown_id_is_a_usage_error(self):
        rc, out, err = run("rubric", "2.9")
        self.assertEqual(rc, 2)
        self.assertEqual(out, "")
        self.assertEqual(len(err.strip().splitlines()), 1)
        self.assertIn("'2.9'", err)

    def test_unit_view_resolves_groups_and_aliases(self):
        rc, out, err = run("rubric", "--unit", "市公安局")
        self.assertEqual((rc, err), (0, ""))
        self.assertIn("市公安局 负责 25 项", out)
        self.assertRegex(out, r"(?m)^  2\.3 .*\]$")
        self.assertRegex(out, r"(?m)^  1\.5 .*\(经各成员单位\)$")
        rc, alias_out, _ = run("rubric", "--unit=市交通局")
        rc2, name_out, _ = run("rubric", "--unit", "市交通运输局")
        self.assertEqual((rc, rc2), (0, 0))
        self.assertEqual(alias_out, name_out)

    def test_unknown_unit_is_a_usage_error(self):
        rc, out, err = run("rubric", "--unit", "市交通厅")
        self.assertEqual(rc, 2)
        self.assertEqual(out, "")
        self.assertIn("市交通厅", err)

    def test_json_listing(self):
        rc, out, err = run("rubric", "--format", "json")
        self.assertEqual((rc, err), (0, ""))
        items = json.loads(out)
        self.assertEqual(len(items), 75)
        for it in items:
            for field in ("id", "category", "topic", "text", "points", "units"):
                self.assertIn(field, it)
        by_id = {it["id"]: it for it in items}
        self.assertEqual(by_id["2.3"]["points"], 2)
        self.assertEqual(by_id["2.3"]["category"], "工作机制")
        self.assertEqual(by_id["2.3"]["topic"], "从业查询")
        self.assertIsNone(by_id["V3"]["points"])
        self.assertIsNone(by_id["V3"]["topic"])
        # Canonical names: 5.6 prints 市交通局, JSON gives 市交通运输局.
        self.assertIn("市交通运输局", by_id["5.6"]["units"])
        self.assertNotIn("市交通局", by_id["5.6"]["units"])
        self.assertEqual(sum(it["points"] for it in items if it["points"]), 100)
        self.assertEqual(by_id["8.7"]["units_tail"], "等相关单位")

    def test_json_single_and_unit(self):
        rc, out, _ = run("rubric", "9.8", "--format=json")
        self.assertEqual(rc, 0)
        items = json.loads(out)
        self.assertEqual(len(items), 1)
        self.assertTrue(items[0]["text"].startswith("90%以上城乡社区"))
        rc, out, _ = run("rubric", "--unit", "市公安局", "--format", "json")
        self.assertEqual(rc, 0)
        items = json.loads(out)
        self.assertEqual(len(items), 25)
        via = {it["id"]: it["via"] for it in items}
        self.assertIsNone(via["2.3"])
        self.assertEqual(via["1.5"], "各成员单位")

    def test_other_edition_from_a_file(self):
        rc, out, _ = run("rubric", "--rubric", case("valid", "minimal"))
        self.assertEqual(rc, 0)
        self.assertIn("test-minimal", out)
        self.assertIn("1.5分", out)

    def test_broken_edition_reports_file_line(self):
        path = case("invalid", "unknown-unit")
        rc, out, err = run("rubric", "--rubric", path)
        self.assertEqual(rc, 2)
        self.assertEqual(out, "")
        self.assertRegex(err, r"^%s:44:11: error: .*县交通厅.* \[rubric-unknown-unit\]\n$" % re.escape(path))

    def test_bad_options(self):
        for args in (["rubric", "--format", "xml"], ["rubric", "--bogus"],
                     ["rubric", "1.1", "1.2"], ["rubric", "1.1", "--unit", "市公安局"],
                     ["rubric", "--unit"]):
            rc, out, err = run(*args)
            self.assertEqual(rc, 2, args)
            self.assertEqual(out, "", args)
            self.assertEqual(len(err.strip().splitlines()), 1, args)


class CheckCommand(unittest.TestCase):
    def test_clean_file(self):
        rc, out, err = run("check", RUBRIC_XML)
        self.assertEqual((rc, out, err), (0, "", ""))

    def test_findings_one_a_line_gcc_style(self):
        path = case("invalid", "duplicate-id")
        rc, out, err = run("check", path)
        self.assertEqual(rc, 1)
        self.assertEqual(err, "")
        self.assertEqual(out, "%s:29:7: error: 编号“1.1”已在第 23 行使用 [rubric-duplicate-id]\n" % path)
        rc, out, _ = run("check", "--lang", "en", path)
        self.assertEqual(out, "%s:29:7: error: id '1.1' is already used at line 23 [rubric-duplicate-id]\n" % path)

    def test_many_files_and_a_missing_one(self):
        good, bad = RUBRIC_XML, case("invalid", "total-mismatch")
        missing = os.path.join(DATA, "does-not-exist.xml")
        rc, out, err = run("check", good, bad)
        self.assertEqual(rc, 1)
        self.assertEqual(len(out.splitlines()), 1)
        rc, out, err = run("check", missing, bad)
        self.assertEqual(rc, 2)                     # unreadable wins
        self.assertIn("[rubric-total-mismatch]", out)  # the rest still checked
        self.assertEqual(len(err.strip().splitlines()), 1)
        self.assertIn("does-not-exist.xml", err)

    def test_json_output(self):
        path = case("invalid", "unknown-unit")
        rc, out, _ = run("check", "--format", "json", path, RUBRIC_XML)
        self.assertEqual(rc, 1)
        findings = json.loads(out)
        self.assertEqual(len(findings), 1)
        f = findings[0]
        self.assertEqual(f["file"], path)
        self.assertEqual((f["line"], f["column"]), (44, 11))
        self.assertEqual(f["severity"], "error")
        self.assertEqual(f["rule"], "rubric-unknown-unit")
        self.assertIn("县交通厅", f["message"])
        rc, out, _ = run("check", "--format", "json", RUBRIC_XML)
        self.assertEqual((rc, json.loads(out)), (0, []))

    def test_fail_on_warning(self):
        path = case("invalid", "repeated-unit")
        rc, out, _ = run("check", path)
        self.assertEqual(rc, 0)                     # a warning alone passes
        self.assertIn("warning:", out)
        rc, _, _ = run("check", "--fail-on", "warning", path)
        self.assertEqual(rc, 1)

    def test_standard_input(self):
        with open(case("invalid", "zero-points"), "rb") as f:
            data = f.read()
        rc, out, _ = run("check", "-", stdin=data)
        self.assertEqual(rc, 1)
        self.assertTrue(out.startswith("<stdin>:41:7: error:"))

    def test_input_is_never_written(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "r.xml")
            with open(case("invalid", "malformed-xml"), "rb") as f:
                data = f.read()
            with open(path, "wb") as f:
                f.write(data)
            os.chmod(path, 0o444)
            before = os.stat(path)
            rc, _, _ = run("check", path)
            self.assertEqual(rc, 1)
            with open(path, "rb") as f:
                self.assertEqual(f.read(), data)
            self.assertEqual(os.stat(path).st_mtime_ns, before.st_mtime_ns)
            self.assertEqual(sorted(os.listdir(tmp)), ["r.xml"])

    def test_usage_errors(self):
        for args in (["check"], ["check", "--format", "sarif", RUBRIC_XML],
                     ["check", "--lang", "fr", RUBRIC_XML], ["check", "--nope", RUBRIC_XML],
                     ["frobnicate"], []):
            rc, out, err = run(*args)
            self.assertEqual(rc, 2, args)
            self.assertEqual(out, "", args)
            self.assertTrue(err.strip(), args)


class Global(unittest.TestCase):
    def test_version(self):
        rc, out, _ = run("--version")
        self.assertEqual(rc, 0)
        self.assertRegex(out, r"^weibao-lint \d+\.\d+\.\d+ \(libweibao \d+\.\d+\.\d+\)\n$")

    def test_help(self):
        for args in (["--help"], ["rubric", "--help"], ["check", "--help"]):
            rc, out, err = run(*args)
            self.assertEqual((rc, err), (0, ""), args)
            self.assertTrue(out.startswith("usage: weibao-lint"), args)

    def test_closed_output_is_reported(self):
        # Writing into a full device must not pass silently.
        if not os.path.exists("/dev/full"):
            self.skipTest("no /dev/full")
        with open("/dev/full", "w") as full:
            p = subprocess.run([LINT, "rubric"], stdout=full, stderr=subprocess.PIPE)
        self.assertEqual(p.returncode, 2)
        self.assertIn("cannot write", p.stderr.decode())


if __name__ == "__main__":
    unittest.main()
