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

    def test_a_ledger_and_plain_text_on_standard_input(self):
        with open(os.path.join(LEDGERS, "background-checks.csv"), "rb") as f:
            data = f.read()
        rc, from_stdin, _ = run("check", "--lang", "en", "--as-of", "2026-11-29", "-", stdin=data)
        rc2, from_file, _ = run("check", "--lang", "en", "--as-of", "2026-11-29",
                                os.path.join(LEDGERS, "background-checks.csv"))
        self.assertEqual(rc, rc2)
        self.assertEqual(from_stdin, from_file.replace(os.path.join(LEDGERS, "background-checks.csv"),
                                                       "<stdin>"))
        self.assertIn("<stdin>:3:1: error: BC-2:", from_stdin)
        rc, out, _ = run("check", "--lang", "en", "-", stdin=("电话" + "13812345678\n").encode())
        self.assertEqual(out, "<stdin>:1:3: warning: mobile phone number 138****5678 in free text "
                              "[privacy-phone]\n")

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
        for args in (["check"], ["check", "--format", "xml", RUBRIC_XML],
                     ["check", "--lang", "fr", RUBRIC_XML], ["check", "--nope", RUBRIC_XML],
                     ["frobnicate"], []):
            rc, out, err = run(*args)
            self.assertEqual(rc, 2, args)
            self.assertEqual(out, "", args)
            self.assertTrue(err.strip(), args)


SYNTHETIC = os.path.join(DATA, "valid", "calendar-synthetic", "input.xml")
NOTICES = os.path.join(DATA, "notices")


class CalendarCommand(unittest.TestCase):
    def test_year_lists_holidays_and_makeup_days(self):
        rc, out, err = run("calendar", "2026")
        self.assertEqual((rc, err), (0, ""))
        self.assertIn("春节  2026-02-15 至 2026-02-23,共 9 天", out)
        self.assertIn("2026-02-14(周六)  春节", out)
        self.assertIn("国办发明电〔2025〕7号", out)

    def test_year_as_json(self):
        rc, out, _ = run("calendar", "2026", "--format", "json")
        self.assertEqual(rc, 0)
        doc = json.loads(out)
        self.assertEqual(doc["year"], 2026)
        self.assertEqual(len(doc["holidays"]), 7)
        spring = next(h for h in doc["holidays"] if h["name"] == "春节")
        self.assertEqual((spring["start"], spring["end"], spring["days"]),
                         ("2026-02-15", "2026-02-23", 9))
        self.assertEqual([w["date"] for w in doc["workdays"]],
                         ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09",
                          "2026-09-20", "2026-10-10"])

    def test_a_date(self):
        rc, out, _ = run("calendar", "2026-02-14")
        self.assertEqual(rc, 0)
        self.assertIn("上班", out)
        self.assertIn("调休上班日", out)
        rc, out, _ = run("calendar", "2026年2月16日", "--format", "json")
        day = json.loads(out)
        self.assertEqual(day["workday"], False)
        self.assertEqual(day["kind"], "holiday")
        self.assertEqual(day["holiday"], "春节")
        rc, out, _ = run("calendar", "2026-12-28", "--format", "json")
        self.assertTrue(json.loads(out)["provisional"])

    def test_outside_coverage_and_bad_dates(self):
        for args, fragment in ((["calendar", "2027-01-04"], "outside"),
                               (["calendar", "2031"], "outside"),
                               (["calendar", "2023-02-29"], "not a leap year"),
                               (["calendar", "2026/02/10"], "cannot read")):
            rc, out, err = run(*args)
            self.assertEqual(rc, 2, args)
            self.assertEqual(out, "", args)
            self.assertIn(fragment, err, args)

    def test_overlay_stacks_on_the_calendar(self):
        overlay = os.path.join(DATA, "valid", "calendar-overlay", "input.xml")
        rc, out, _ = run("calendar", "2030-10-12", "--calendar", SYNTHETIC,
                         "--overlay", overlay, "--format", "json")
        self.assertEqual(rc, 0)
        day = json.loads(out)
        self.assertEqual((day["kind"], day["holiday"], day["notice"]),
                         ("holiday", "州庆闭馆", "测试州〔2030〕2号"))
        rc, out, _ = run("due", "--workdays", "1", "2030-03-04", "--calendar", SYNTHETIC,
                         "--overlay", overlay, "--format", "json")
        self.assertEqual(json.loads(out)["due"], "2030-03-08")
        rc, out, err = run("calendar", "2026-01-05", "--overlay", overlay)
        self.assertEqual(rc, 2)                     # the overlay's days are not in 2021-2026
        self.assertIn("[calendar-years]", err)

    def test_projection_is_opt_in_and_says_so(self):
        projection_args = ("--calendar", SYNTHETIC)
        rc, out, err = run("due", "--months", "2", "2031-12-10", *projection_args)
        self.assertEqual(rc, 2)                     # 2032 is not covered
        self.assertIn("outside", err)
        rc, out, _ = run("due", "--months", "2", "2026-12-10", "--project", "2027",
                         "--format", "json")
        self.assertEqual(rc, 0)
        doc = json.loads(out)
        self.assertTrue(doc["projected"])
        rc, out, _ = run("calendar", "2027-01-01", "--project", "2027", "--format", "json")
        day = json.loads(out)
        self.assertEqual((day["kind"], day["projected"]), ("holiday", True))
        rc, out, _ = run("calendar", "2027-01-01", "--project", "2027")
        self.assertIn("推算", out)
        rc, out, _ = run("calendar", "2027", "--project", "2027", "--format", "json")
        year = json.loads(out)
        self.assertTrue(year["projected"])
        self.assertEqual(year["workdays"], [])
        self.assertEqual([h["name"] for h in year["holidays"]],
                         ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"])
        rc, out, _ = run("calendar", "2026", "--format", "json")
        self.assertFalse(json.loads(out)["projected"])
        rc, out, err = run("due", "--days", "1", "2026-01-05", "--project", "2051")
        self.assertEqual(rc, 2)
        self.assertIn("2051", err)

    def test_another_edition(self):
        rc, out, _ = run("calendar", "2030-02-09", "--calendar", SYNTHETIC)
        self.assertEqual(rc, 0)
        self.assertIn("春节", out)
        path = os.path.join(DATA, "invalid", "calendar-overlap", "input.xml")
        rc, out, err = run("calendar", "2030", "--calendar", path)
        self.assertEqual(rc, 2)
        self.assertIn("[calendar-overlap]", err)


class DueCommand(unittest.TestCase):
    def test_workdays(self):
        rc, out, err = run("due", "--workdays", "30", "2026-02-10")
        self.assertEqual((rc, err), (0, ""))
        self.assertTrue(out.startswith("2026-03-30(周一)\n"))
        rc, out, _ = run("due", "--workdays", "30", "2026-02-10", "--format", "json")
        doc = json.loads(out)
        self.assertEqual(doc["due"], "2026-03-30")
        self.assertFalse(doc["moved"])

    def test_month_end_and_no_move_onto_a_makeup_day(self):
        rc, out, _ = run("due", "--months", "1", "2026-01-31", "--format", "json")
        doc = json.loads(out)
        self.assertEqual((doc["due"], doc["moved"]), ("2026-02-28", False))

    def test_move_off_a_holiday_says_why(self):
        rc, out, _ = run("due", "--months", "1", "2026-09-01")
        self.assertEqual(rc, 0)
        self.assertTrue(out.startswith("2026-10-08"))
        self.assertIn("国庆节", out)
        self.assertIn("第二百零三条", out)
        rc, out, _ = run("due", "--months", "1", "2026-09-01", "--format", "json")
        doc = json.loads(out)
        self.assertEqual((doc["nominal_due"], doc["due"], doc["reason"], doc["holiday"]),
                         ("2026-10-01", "2026-10-08", "holiday", "国庆节"))
        rc, out, _ = run("due", "--months", "1", "2026-09-01", "--no-move", "--format", "json")
        self.assertEqual(json.loads(out)["due"], "2026-10-01")

    def test_days_and_years(self):
        rc, out, _ = run("due", "--days", "10", "2026-06-01", "--format", "json")
        self.assertEqual(json.loads(out)["due"], "2026-06-11")
        # 2026-02-28 is a Saturday, but a make-up working day: no move.
        rc, out, _ = run("due", "--years", "1", "2025-02-28", "--format", "json")
        self.assertEqual(json.loads(out)["due"], "2026-02-28")
        # 2026-03-01 is an ordinary Sunday: moved to Monday.
        rc, out, _ = run("due", "--years", "1", "2025-03-01", "--format", "json")
        doc = json.loads(out)
        self.assertEqual((doc["due"], doc["reason"]), ("2026-03-02", "weekend"))

    def test_errors(self):
        for args in (["due", "2026-01-01"], ["due", "--days", "x", "2026-01-01"],
                     ["due", "--days", "-3", "2026-01-01"],
                     ["due", "--days", "1", "--months", "1", "2026-01-01"],
                     ["due", "--months", "1", "2026-12-20"]):
            rc, out, err = run(*args)
            self.assertEqual(rc, 2, args)
            self.assertEqual(out, "", args)
            self.assertEqual(len(err.strip().splitlines()), 1, args)


class ImportCommand(unittest.TestCase):
    def test_a_notice_without_items_is_placed_on_its_lines(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = write(tmp, "2027.txt", "国务院办公厅关于2027年部分节假日安排的通知\n\n"
                                          "各省、自治区、直辖市人民政府:\n")
            out_path = os.path.join(tmp, "2027.xml")
            rc, out, err = run("calendar", "import", "--lang", "en", path, "-o", out_path)
            self.assertEqual(rc, 1)
            self.assertEqual(out.splitlines(), [
                path + ": error: no holiday items (一、元旦:…) [notice-missing]",
                path + ":2:1: warning: no document number (发文字号, e.g. 国办发明电〔2025〕7号); "
                "the edition cites the notice by its title [notice-uncited]",
                path + ":3:1: warning: no signing date (a line such as 2025年11月4日); "
                "the edition leaves it out [notice-uncited]",   # the last line, not past it
            ])
            self.assertFalse(os.path.exists(out_path))

    def test_every_notice_imports_and_loads(self):
        with tempfile.TemporaryDirectory() as tmp:
            # The yearly notices; amendments follow no one format.
            for name in sorted(n for n in os.listdir(NOTICES) if re.fullmatch(r"\d{4}\.txt", n)):
                year = name[:4]
                out = os.path.join(tmp, year + ".xml")
                rc, stdout, err = run("calendar", "import", os.path.join(NOTICES, name),
                                      "-o", out, "--lang", "en")
                if year in ("2008", "2009"):
                    # No official copy gave these citations: warned of, left out.
                    self.assertEqual((rc, err), (1, ""), name)
                    lines = stdout.splitlines()
                    self.assertEqual(len(lines), 2 if year == "2008" else 1, stdout)
                    for line in lines:
                        self.assertRegex(line, r"^\S+%s:\d+:1: warning: .*\[notice-uncited\]$" % name)
                    self.assertIn("no signing date", stdout)
                else:
                    self.assertEqual((rc, stdout, err), (0, "", ""), name)
                rc, stdout, _ = run("check", out)
                self.assertEqual((rc, stdout), (0, ""), name)
                rc, stdout, _ = run("calendar", year, "--calendar", out, "--format", "json")
                self.assertEqual(rc, 0)
                imported = json.loads(stdout)
                number = imported["holidays"][0]["notice"]
                rc, builtin, _ = run("calendar", year, "--format", "json")
                # The built-in year also shows what amendments added or changed.
                builtin = json.loads(builtin)
                amended = any(e["notice"] != number
                              for key in ("holidays", "workdays") for e in builtin[key])
                for key in ("holidays", "workdays"):
                    mine = [e for e in builtin[key] if e["notice"] == number]
                    # Every built-in entry of this notice is what the import read...
                    for e in mine:
                        self.assertIn(e, imported[key], (name, e))
                    # ...and whatever else the import read, an amendment changed.
                    extra = [e for e in imported[key] if e not in mine]
                    if extra:
                        self.assertTrue(amended, (name, extra))

    def test_wrong_weekday_is_reported_with_its_line(self):
        with open(os.path.join(NOTICES, "2026.txt"), encoding="utf-8") as f:
            text = f.read()
        bad = text.replace("2月14日（周六）", "2月14日（周日）")
        self.assertNotEqual(bad, text)
        rc, out, err = run("calendar", "import", "-", "--lang", "en", stdin=bad.encode())
        self.assertEqual(rc, 1)
        self.assertRegex(out, r"^<stdin>:6:\d+: error: the notice calls 2026-02-14 a 日, "
                              r"but it is a 六 \[notice-weekday\]\n$")

    def test_unreadable_item_is_reported_with_its_line(self):
        with open(os.path.join(NOTICES, "2026.txt"), encoding="utf-8") as f:
            text = f.read()
        bad = text.replace("三、清明节：4月4日（周六）至6日（周一）放假，共3天。", "三、清明节：另行通知。")
        rc, out, _ = run("calendar", "import", "-", "--lang", "en", stdin=bad.encode())
        self.assertEqual(rc, 1)
        self.assertIn("<stdin>:7:1: error: cannot find the days off of item '清明节' [notice-unreadable]", out)

    def test_never_writes_over_the_notice(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "n.txt")
            with open(os.path.join(NOTICES, "2026.txt"), "rb") as f:
                data = f.read()
            with open(path, "wb") as f:
                f.write(data)
            rc, _, err = run("calendar", "import", path, "-o", path)
            self.assertEqual(rc, 2)
            self.assertIn("refusing to write over the input", err)
            with open(path, "rb") as f:
                self.assertEqual(f.read(), data)
            self.assertEqual(os.listdir(tmp), ["n.txt"])


LEDGERS = os.path.join(DATA, "ledgers")


def write(dirpath, name, text, encoding="utf-8"):
    path = os.path.join(dirpath, name)
    with open(path, "wb") as f:
        f.write(text.encode(encoding))
    return path


class CheckLedgers(unittest.TestCase):
    """weibao-lint check on ledgers: rows against the compliance rules."""

    def test_violations_and_bad_rows_in_row_order(self):
        path = os.path.join(LEDGERS, "background-checks.csv")
        rc, out, err = run("check", "--lang", "en", "--as-of", "2026-11-29", path)
        self.assertEqual((rc, err), (1, ""))
        lines = out.splitlines()
        self.assertEqual(lines, [
            path + ":3:1: error: BC-2: New hires are queried for criminal records before they "
                   "start: due 2026-03-01, done 2026-03-05: 4 days late [hire-query]",
            path + ":4:1: error: BC-3: Dismissal within 30 working days of a query result that "
                   "shows a record: due 2026-03-30, done 2026-03-31: 1 day late [dismissal-deadline]",
            path + ":5:1: error: column query-date (查询日期): '2026-02-30' is not a date that "
                   "exists [ledger-bad-date]",
            path + ":6:1: error: the key 'BC-3' is used again (first on line 4); this row is "
                   "not checked [ledger-duplicate-key]",
        ])
        # No name, no whole identity number, in any output.
        self.assertNotIn("张某", out)
        self.assertNotIn("11010519491231002X", out)

    def test_as_of_decides_what_is_late(self):
        path = os.path.join(LEDGERS, "judicial-suggestions.xml")
        rc, out, _ = run("check", "--as-of", "2026-12-11", "--lang", "en", path)
        self.assertEqual(rc, 1)
        self.assertIn("JS-3", out)           # due 2026-12-10, a day late
        rc, out, _ = run("check", "--as-of", "2026-12-10", "--lang", "en",
                         "--show", "pending", path)
        self.assertEqual(rc, 0)              # pending is a note
        self.assertIn("note: JS-3", out)
        self.assertIn("(0 days left)", out)

    def test_explain_shows_the_count(self):
        path = os.path.join(LEDGERS, "background-checks.csv")
        rc, out, _ = run("check", "--lang", "en", "--as-of", "2026-11-29", "--explain",
                         "--show", "violation", path)
        self.assertEqual(rc, 1)
        self.assertIn("    counted from 2026-02-10, the day the result was received "
                      "(not counted): 30 working days", out)
        self.assertIn("春节 2026-02-15 to 2026-02-23", out)
        self.assertIn("make-up working days in the period (they count): 2026-02-14, 2026-02-28",
                      out)

    def test_json_with_a_summary(self):
        path = os.path.join(LEDGERS, "background-checks.csv")
        rc, out, _ = run("check", "--format", "json", "--summary", "--show", "all",
                         "--as-of", "2026-11-29", path)
        self.assertEqual(rc, 1)
        doc = json.loads(out)
        self.assertEqual(doc["records"], 3)
        late = [f for f in doc["findings"] if f.get("outcome") == "violation"]
        self.assertEqual({f["key"] for f in late}, {"BC-2", "BC-3"})
        bc3 = next(f for f in late if f["key"] == "BC-3")
        self.assertEqual((bc3["due"], bc3["done"], bc3["days_late"], bc3["standard"]),
                         ("2026-03-30", "2026-03-31", 1, "2.3"))
        rules = {r["name"]: r for r in doc["rules"]}
        self.assertEqual(rules["hire-query"]["violation"], 1)
        self.assertEqual(rules["hire-query"]["complies"], 1)
        units = {u["name"] for u in doc["units"]}
        self.assertEqual(units, {"实验小学", "第二中学"})
        problems = [f for f in doc["findings"] if "outcome" not in f]
        self.assertEqual([p["rule"] for p in problems],
                         ["ledger-bad-date", "ledger-duplicate-key"])

    def test_a_county_rule_pack(self):
        with tempfile.TemporaryDirectory() as tmp:
            ledger = write(tmp, "checks.csv", "编号,人员类别,查询日期\nS,在职,2026-05-01\n")
            pack = write(tmp, "pack.xml",
                         "<rule-pack xmlns='urn:weibao:rules:1' format='1' name='county-x'>"
                         "<title>t</title><set rule='staff-requery' param='every' value='6'/>"
                         "</rule-pack>")
            rc, out, _ = run("check", "--as-of", "2026-11-29", "--lang", "en", ledger)
            self.assertEqual((rc, out), (0, ""))
            rc, out, _ = run("check", "--as-of", "2026-11-29", "--lang", "en",
                             "--rules", pack, ledger)
            self.assertEqual(rc, 1)
            self.assertIn("next was due 2026-11-02: 27 days late [staff-requery]", out)
            bad = write(tmp, "bad.xml",
                        "<rule-pack xmlns='urn:weibao:rules:1' format='1' name='x'>"
                        "<title>t</title><set rule='staff-requery' param='every' value='0'/>"
                        "</rule-pack>")
            rc, out, err = run("check", "--rules", bad, ledger)
            self.assertEqual((rc, out), (2, ""))
            self.assertIn("[pack-value]", err)

    def test_gb18030_and_utf8_read_alike(self):
        text = "编号,单位,人员类别,入职日期,查询日期\nA,实验小学,新入职,2026-03-01,2026-03-04\n"
        with tempfile.TemporaryDirectory() as tmp:
            outs = []
            for enc in ("utf-8", "utf-8-sig", "gb18030"):
                path = write(tmp, "l-%s.csv" % enc, text, enc)
                rc, out, _ = run("check", "--as-of", "2026-11-29", "--lang", "en", path)
                self.assertEqual(rc, 1)
                outs.append(out.replace(path, "F"))
            self.assertEqual(outs[0], outs[1])
            self.assertEqual(outs[0], outs[2])
            self.assertIn("3 days late", outs[0])

    def test_ledgers_together_and_rules_over_them(self):
        with tempfile.TemporaryDirectory() as tmp:
            towns = write(tmp, "towns.csv", "编号,名称,儿童督导员人数\nT1,城关镇,1\nT2,东风乡,1\n")
            meetings = write(tmp, "meetings.csv",
                             "编号,层级,乡镇(街道),会议日期,会议纪要\n"
                             "M1,乡镇(街道),城关镇,2026-02-01,有\n"
                             "M2,乡镇(街道),城关镇,2026-06-01,有\n")
            rc, out, _ = run("check", "--as-of", "2027-01-05", "--since", "2026-01-01",
                             "--lang", "en", towns, meetings)
            self.assertEqual(rc, 1)
            self.assertIn(meetings + ": error: 东风乡 2026: Each township holds at least 2 "
                          "meetings a year, with minutes: only 0, at least 2 required "
                          "[township-meetings]", out)
            self.assertNotIn("城关镇 2026", out)
            # The county-level rule over the same ledger: no county meeting at all.
            self.assertIn("2026: The county holds at least 2 meetings a year: only 0", out)

    def test_the_directory_is_read_first_whatever_the_order(self):
        with tempfile.TemporaryDirectory() as tmp:
            meetings = write(tmp, "m.csv", "编号,层级,乡镇(街道),会议日期,会议纪要\n"
                                           "M1,乡镇(街道),城关区,2026-02-01,有\n")
            towns = write(tmp, "t.csv", "编号,名称,儿童督导员人数\nT1,城关镇,1\n")
            rc, out, _ = run("check", "--lang", "en", "--as-of", "2026-11-29", meetings, towns)
            self.assertEqual(rc, 1)
            self.assertIn(meetings + ":2:1: error: the township '城关区' is not in the townships "
                          "ledger; this row is not checked [ledger-unknown-township]", out)

    def test_a_file_that_is_not_a_ledger_and_a_missing_one(self):
        with tempfile.TemporaryDirectory() as tmp:
            other = write(tmp, "x.csv", "序号,名字\n1,甲\n")
            rc, out, err = run("check", "--lang", "en", other, os.path.join(tmp, "missing.csv"))
            self.assertEqual(rc, 2)
            self.assertIn("[ledger-kind]", out)
            self.assertIn("missing.csv", err)

    def test_the_ledger_file_is_never_written(self):
        path = os.path.join(LEDGERS, "background-checks.csv")
        with open(path, "rb") as f:
            before = f.read()
        st = os.stat(path)
        run("check", "--as-of", "2026-11-29", path)
        with open(path, "rb") as f:
            self.assertEqual(f.read(), before)
        self.assertEqual(os.stat(path).st_mtime_ns, st.st_mtime_ns)

    def test_usage_errors(self):
        for args in (["check", "--as-of", "2026-02-30", "x.csv"], ["check", "--show", "sometimes", "x"],
                     ["check", "--kind", "nonsense", "x.csv"], ["check", "--since", "x", "y"]):
            rc, out, err = run(*args)
            self.assertEqual((rc, out), (2, ""), args)
            self.assertEqual(len(err.strip().splitlines()), 1, args)


class XmlValues(unittest.TestCase):
    def test_an_ampersand_in_an_xml_ledger_is_read_as_one(self):
        # libxml2 hands '&' over as "&#38;" when it substitutes no
        # entities; the unit named here must match the one the CSV names.
        with tempfile.TemporaryDirectory() as tmp:
            write(tmp, "units.xml", '<units xmlns="urn:weibao:ledger:1" format="1">\n'
                  '  <record key="U1" name="实验&amp;小学"/>\n'
                  '  <record key="U2" name="二中&#38;&lt;分校&gt;&#x26;"/>\n</units>\n')
            write(tmp, "checks.csv", "编号,单位,人员类别,查询日期,查询结果\n"
                  "BC-1,实验&小学,在职,2026-10-01,无\nBC-2,二中&<分校>&,在职,2026-10-01,无\n"
                  "BC-3,三中,在职,2026-10-01,无\n")
            rc, out, err = run("check", "--lang", "en", "--as-of", "2026-11-29", tmp)
            self.assertEqual(err, "")
            self.assertEqual(out, os.path.join(tmp, "checks.csv") + ":4:1: error: the unit '三中' "
                             "is not in the units ledger; this row is not checked [ledger-unknown-unit]\n")


class ExampleDossier(unittest.TestCase):
    def test_the_example_county_checks_without_a_bad_row(self):
        folder = os.path.join(SOURCE, "examples", "dossier")
        files = sorted(os.path.join(folder, f) for f in os.listdir(folder)
                       if f.endswith((".csv", ".xml")) and f not in ("dossier.xml", "scores.csv"))
        self.assertEqual(len(files), 18)     # a file per ledger kind
        rc, out, err = run("check", "--as-of", "2026-11-29", "--format", "json", "--summary",
                           *files)
        self.assertEqual((rc, err), (1, ""))
        doc = json.loads(out)
        self.assertEqual([f for f in doc["findings"] if "outcome" not in f], [])
        self.assertEqual(len(doc["rules"]), 26)          # every rule had something to check
        standards = {s["name"] for s in doc["standards"]}
        self.assertEqual(len(standards), 18)

    def test_the_whole_folder_checks_with_its_dossier_and_score_sheet(self):
        # The folder as a clerk hands it in: the dossier, its score sheet
        # (checked as one, not as a ledger of no kind), the README, the
        # ledgers; no document problem and no personal data.
        folder = os.path.join(SOURCE, "examples", "dossier")
        rc, out, err = run("check", "--lang", "en", "--as-of", "2026-11-29", "--format", "json",
                           folder)
        self.assertEqual((rc, err), (1, ""))
        findings = json.loads(out)
        # The dossier's scores against the rubric: only the one standard
        # the example claims without evidence.
        others = [(os.path.basename(f["file"]), f["line"], f["rule"])
                  for f in findings if "outcome" not in f]
        self.assertEqual(others, [("scores.csv", 27, "dossier-no-evidence")])

    def test_a_dossier_is_checked_against_the_rubric_given(self):
        with tempfile.TemporaryDirectory() as tmp:
            with open(RUBRIC_XML, encoding="utf-8") as f:
                rubric = write(tmp, "rubric.xml",
                               f.read().replace('edition="meihekou-2022"', 'edition="other-2027"'))
            rc, out, err = run("check", "--lang", "en", "--as-of", "2026-11-29",
                               "--rubric", rubric, DOSSIER)
            self.assertEqual(err, "")
            self.assertIn("[dossier-edition]", out)
            rc, _, err = run("check", "--rubric", os.path.join(tmp, "none.xml"), DOSSIER)
            self.assertEqual(rc, 2)
            self.assertIn("none.xml", err)

    def test_a_score_sheet_alone(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = write(tmp, "scores.csv", "考核标准,得分,备注\n1.1,2,联系电话" + PHONE + "\n1.2,x,\n")
            rc, out, _ = run("check", "--lang", "en", path)
            self.assertEqual(rc, 1)
            self.assertEqual(out.splitlines(), [
                path + ":3:1: error: the row needs a standard and points in steps of 0.5 (got 'x'); "
                "it is not counted [dossier-sheet]",
                path + ":2:11: warning: mobile phone number 138****5678 in free text [privacy-phone]",
            ])


class RuleCommand(unittest.TestCase):
    def test_lists_every_rule(self):
        rc, out, err = run("rule")
        self.assertEqual((rc, err), (0, ""))
        ids = [l.split()[0] for l in out.splitlines()]
        self.assertEqual(len(ids), 26)
        self.assertEqual(ids[:4], ["hire-query", "staff-requery", "dismissal-deadline",
                                   "judicial-reply"])

    def test_one_rule_in_full(self):
        rc, out, _ = run("rule", "dismissal-deadline", "--lang", "en")
        self.assertEqual(rc, 0)
        self.assertIn("standard:  2.3", out)
        self.assertIn("密切接触未成年人的单位在收到查询结果30个工作日内", out)
        self.assertIn("within = 30 workdays", out)
        self.assertIn("default 30 (from the rubric), may be set from 1 to 365", out)

    def test_a_pack_shows_its_values(self):
        with tempfile.TemporaryDirectory() as tmp:
            pack = write(tmp, "pack.xml",
                         "<rule-pack xmlns='urn:weibao:rules:1' format='1' name='county-x'>"
                         "<title>t</title><set rule='home-visits' param='low-every' value='3'/>"
                         "</rule-pack>")
            rc, out, _ = run("rule", "home-visits", "--rules", pack, "--format", "json")
            self.assertEqual(rc, 0)
            params = {p["name"]: p for p in json.loads(out)["params"]}
            self.assertEqual((params["low-every"]["value"], params["low-every"]["default"],
                              params["low-every"]["set_by"], params["low-every"]["source"]),
                             (3, 6, "county-x", "county"))
            self.assertIsNone(params["high-every"]["set_by"])

    def test_unknown_rule(self):
        rc, out, err = run("rule", "night-visits")
        self.assertEqual((rc, out), (2, ""))
        self.assertIn("night-visits", err)

    def test_the_catalogue_in_docs_is_the_generated_one(self):
        rc, out, _ = run("rule", "--format", "markdown")
        self.assertEqual(rc, 0)
        with open(os.path.join(SOURCE, "docs", "rules.md"), encoding="utf-8") as f:
            self.assertEqual(out, f.read())


class LedgerCommand(unittest.TestCase):
    def test_kinds_and_columns(self):
        rc, out, _ = run("ledger")
        self.assertEqual(rc, 0)
        self.assertEqual(len(out.splitlines()), 18)
        rc, out, _ = run("ledger", "background-checks", "--format", "json")
        kind = json.loads(out)[0]
        self.assertEqual(kind["columns"][7]["name"], "query-date")
        self.assertEqual(kind["columns"][7]["header"], "查询日期")

    def test_template_opens_in_excel_and_reads_back(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "t.csv")
            rc, out, _ = run("ledger", "background-checks", "--template", "--bom", "-o", path)
            self.assertEqual((rc, out), (0, ""))
            with open(path, "rb") as f:
                data = f.read()
            self.assertTrue(data.startswith(b"\xef\xbb\xbf\xe7\xbc\x96\xe5\x8f\xb7,"))
            self.assertTrue(data.endswith(b"\r\n"))
            # An empty ledger of rows checks clean...
            rc, out, _ = run("check", "--as-of", "2026-11-29", path)
            self.assertEqual((rc, out), (0, ""), out)
            # ...but an empty meetings ledger says no meeting was held.
            run("ledger", "meetings", "--template", "-o", path)
            rc, out, _ = run("check", "--as-of", "2026-11-29", "--lang", "en", path)
            self.assertEqual(rc, 1)
            self.assertIn("2025: The county holds at least 2 meetings a year: only 0", out)


DOSSIER = os.path.join(SOURCE, "examples", "dossier", "dossier.xml")


class ScoreCommand(unittest.TestCase):
    def test_no_report_prints_a_number_whole(self):
        # A clerk typed a phone number as a key, an identity number into a
        # note and the score sheet: every report format masks them.
        import shutil
        with tempfile.TemporaryDirectory() as tmp:
            folder = os.path.join(tmp, "dossier")
            shutil.copytree(os.path.join(SOURCE, "examples", "dossier"), folder)
            checks = os.path.join(folder, "background-checks.csv")
            with open(checks, encoding="utf-8") as f:
                text = f.read()
            text = text.replace("BC-002,", "BC-" + PHONE + ",")
            text = text.replace("解除工作关系日期\n", "解除工作关系日期,备注\n", 1)
            text = text.replace("BC-001,实验小学,城关镇,张某,,新入职,2026-09-01,2026-08-20,无,2026-08-25,\n",
                                "BC-001,实验小学,城关镇,张某,,新入职,2026-09-01,2026-08-20,无,2026-08-25,,"
                                "儿童" + MINOR_ID + "\n")
            with open(checks, "w", encoding="utf-8") as f:
                f.write(text)
            sheet = os.path.join(folder, "scores.csv")
            with open(sheet, encoding="utf-8") as f:
                rows = f.read().splitlines()
            rows[1] += "卡号" + CARD
            with open(sheet, "w", encoding="utf-8") as f:
                f.write("\n".join(rows) + "\n")
            dossier = os.path.join(folder, "dossier.xml")
            for fmt in ("text", "json", "html", "csv"):
                for lang in ("zh", "en"):
                    rc, out, err = run("score", "--format", fmt, "--lang", lang, dossier)
                    self.assertIn(rc, (0, 1), err)
                    if fmt != "csv":        # the CSV report has no per-row findings
                        self.assertIn("BC-*******5678", out, (fmt, lang))
                    bare = re.sub(r"[0-9a-f]{64}", "", out)      # the inputs' SHA-256
                    for whole in WHOLE:
                        self.assertNotIn(whole, bare, (fmt, lang))
                    self.assertIsNone(re.search(r"\d{11,}", bare), (fmt, lang))
            rc, out, _ = run("check", "--as-of", "2026-11-29", "--lang", "en", folder)
            self.assertIn("checks.csv:3:4: warning: column key (编号): mobile phone number "
                          "138****5678 in free text [privacy-phone]".replace("checks.csv",
                                                                           "background-checks.csv"),
                          out)
            self.assertIn("error: column note (备注): identity number 110105********0015 (a minor "
                          "on 2026-11-29) in free text [privacy-id-number]", out)
            self.assertIn("scores.csv:2:", out)

    def test_the_example_county(self):
        rc, out, err = run("score", "--lang", "en", DOSSIER)
        self.assertEqual((rc, err), (1, ""))    # contradicted standards: exit 1
        self.assertIn("Result: 98.5 of 100 points", out)
        self.assertIn("calendar cn-2008-2026", out)
        self.assertIn("  3 家庭保护  6.5 / 7", out)
        self.assertIn("2.3 claims its full 2 points; its rules found 4 violations; worst: BC-005", out)
        self.assertIn("standard 5.1 claims 1 point without evidence [dossier-no-evidence]", out)
        # Every input with its SHA-256.
        hashes = re.findall(r"^  ([0-9a-f]{64})  (.*)$", out, re.M)
        self.assertEqual(len(hashes), 20)      # the dossier, its sheet, 18 ledgers
        self.assertTrue(any(p.endswith("scores.csv") for _, p in hashes))

    def test_json_and_csv(self):
        rc, out, _ = run("score", "--format", "json", DOSSIER)
        doc = json.loads(out)
        self.assertEqual((doc["total"], doc["max"], doc["vetoed"]), (98.5, 100, False))
        s32 = next(s for s in doc["standards"] if s["id"] == "3.2")
        self.assertEqual((s32["claimed"], s32["max"]), (1.5, 2))
        rc, out, _ = run("score", "--format", "csv", DOSSIER)
        lines = out.split("\r\n")
        self.assertEqual(lines[0], "考核标准,分值,自评得分,申报单位,佐证材料数,违反,数据不足,得分与台账不符,最严重情形")
        self.assertEqual(len([l for l in lines if l]), 68)

    def test_html_written_atomically_and_never_over_an_input(self):
        with tempfile.TemporaryDirectory() as tmp:
            out_path = os.path.join(tmp, "report.html")
            rc, out, err = run("score", "--format", "html", "-o", out_path, DOSSIER)
            self.assertEqual((rc, out, err), (1, "", ""))
            with open(out_path, encoding="utf-8") as f:
                html = f.read()
            self.assertTrue(html.startswith("<!DOCTYPE html>"))
            for section in ("result", "categories", "vetoes", "flagged", "units", "findings", "inputs"):
                self.assertIn('id="%s"' % section, html)
            self.assertNotIn("<script", html)
            self.assertEqual(os.listdir(tmp), ["report.html"])   # no temporary left behind
        # Over the dossier, its sheet or a ledger: refused, nothing written.
        for victim in ("dossier.xml", "scores.csv", "meetings.csv"):
            path = os.path.join(SOURCE, "examples", "dossier", victim)
            with open(path, "rb") as f:
                before = f.read()
            rc, out, err = run("score", "-o", path, DOSSIER)
            self.assertEqual((rc, out), (2, ""), victim)
            self.assertIn("refusing to write over the input", err)
            with open(path, "rb") as f:
                self.assertEqual(f.read(), before)

    def test_a_veto_and_a_province_table(self):
        with tempfile.TemporaryDirectory() as tmp:
            folder = os.path.join(SOURCE, "examples", "dossier")
            with open(DOSSIER, encoding="utf-8") as f:
                text = f.read()
            vetoed = text.replace('<veto item="V3" occurred="false"/>',
                                  '<veto item="V3" occurred="true" date="2026-05-20">'
                                  '<description>某校发生欺凌事件未及时处置</description></veto>')
            vetoed = vetoed.replace('href="', 'href="%s/' % folder)
            path = os.path.join(tmp, "vetoed.xml")
            with open(path, "w", encoding="utf-8") as f:
                f.write(vetoed)
            rc, out, _ = run("score", "--lang", "en", path)
            self.assertEqual(rc, 1)
            self.assertIn("Result: vetoed (self-assessed 98.5 of 100)", out)
            self.assertIn("V3 OCCURRED 2026-05-20", out)
            rc, out, _ = run("score", "--format", "csv", "--lang", "en", DOSSIER, path)
            rows = out.split("\r\n")
            self.assertEqual(rows[0], "county,result,points,max,vetoes,contradicted,violations")
            self.assertTrue(rows[1].startswith("示范县,scored,98.5,100,,1.8 2.3"))
            self.assertTrue(rows[2].startswith("示范县,vetoed,98.5,100,V3,"))
            rc, out, _ = run("score", "--compare", "--lang", "en", DOSSIER, path)
            self.assertIn("no standard changed", out)

    def test_the_responsibility_matrix(self):
        rc, out, _ = run("score", "--responsibilities", "--format", "csv")
        self.assertEqual(rc, 0)
        header = out.split("\r\n")[0]
        self.assertTrue(header.startswith("单位,1.1,1.2,1.3"))
        self.assertTrue(header.endswith(",V8"))
        police = next(l for l in out.split("\r\n") if l.startswith("市公安局,"))
        self.assertIn("●", police)

    def test_usage_errors(self):
        for args in (["score"], ["score", "--format", "pdf", DOSSIER],
                     ["score", "--compare", DOSSIER], ["score", "/nonexistent/d.xml"]):
            rc, out, err = run(*args)
            self.assertEqual((rc, out), (2, ""), args)
            self.assertEqual(len(err.strip().splitlines()), 1, args)


class LinterFeatures(unittest.TestCase):
    """check as a linter: folders, formats, selection, statistics."""

    def folder(self, tmp):
        """A dossier folder with mixed kinds, a binary, a non-UTF-8 note."""
        ledgers = os.path.join(LEDGERS, "background-checks.csv")
        with open(ledgers, "rb") as f:
            write(tmp, "checks.csv", f.read().decode("utf-8"))
        sub = os.path.join(tmp, "sub")
        os.mkdir(sub)
        with open(os.path.join(LEDGERS, "judicial-suggestions.xml"), encoding="utf-8") as f:
            write(sub, "js.xml", f.read())
        with open(os.path.join(sub, "workbook.xlsx"), "wb") as f:
            f.write(b"PK\x03\x04\x00\x00binary")
        write(tmp, "note.txt", "说明:台账已核对。\n", "gb18030")
        write(tmp, "readme.md", "# 说明\n")
        write(tmp, "photo.jpg.b64", "not a known kind\n")
        write(tmp, ".hidden.csv", "编号\n")     # hidden: left out
        return tmp

    def test_a_folder_with_mixed_kinds(self):
        with tempfile.TemporaryDirectory() as tmp:
            self.folder(tmp)
            rc, out, err = run("check", "--lang", "en", "--as-of", "2026-11-29", tmp)
            self.assertEqual((rc, err), (1, ""))
            self.assertIn("checks.csv:3:1: error: BC-2:", out)
            self.assertIn(os.path.join(tmp, "sub", "js.xml") + ":3:1: error: JS-1:", out)
            self.assertIn("workbook.xlsx: warning: not a text file (binary content)", out)
            self.assertIn("note.txt: warning: not UTF-8", out)
            self.assertIn("photo.jpg.b64: warning: not a kind of file weibao-lint reads", out)
            self.assertNotIn("readme.md", out)
            self.assertNotIn(".hidden", out)

    def test_an_empty_folder(self):
        # Nothing to check is no error (and, under UBSan, no NULL to qsort).
        with tempfile.TemporaryDirectory() as tmp:
            self.assertEqual(run("check", tmp), (0, "", ""))

    def test_select_ignore_and_a_folder_configuration(self):
        with tempfile.TemporaryDirectory() as tmp:
            self.folder(tmp)
            rc, out, _ = run("check", "--lang", "en", "--as-of", "2026-11-29",
                             "--select", "ledger-,hire-query", tmp)
            rules = set(re.findall(r"\[([a-z0-9-]+)\]$", out, re.M))
            self.assertEqual(rules, {"ledger-bad-date", "ledger-duplicate-key", "hire-query"})
            write(tmp, ".weibao-lint", "# the county's choices\nignore = file-*, ledger-\n")
            rc, out, _ = run("check", "--lang", "en", "--as-of", "2026-11-29", tmp)
            rules = set(re.findall(r"\[([a-z0-9-]+)\]$", out, re.M))
            self.assertEqual(rules, {"hire-query", "dismissal-deadline", "judicial-reply"})
            # The command line wins over the file.
            rc, out, _ = run("check", "--as-of", "2026-11-29", "--ignore", "hire-query", tmp)
            self.assertIn("[file-binary]", out)
            write(tmp, ".weibao-lint", "selct = x\n")
            rc, out, err = run("check", tmp)
            self.assertEqual(rc, 2)
            self.assertIn(".weibao-lint:1:", err)

    def test_statistics_and_quiet(self):
        with tempfile.TemporaryDirectory() as tmp:
            self.folder(tmp)
            rc, out, _ = run("check", "--as-of", "2026-11-29", "--statistics", tmp)
            self.assertEqual(rc, 1)
            counts = {r: int(n) for n, _, r in re.findall(r"^\s*(\d+)\s+(\w+)\s+(\S+)$", out, re.M)}
            self.assertEqual(counts["hire-query"], 1)
            self.assertEqual(counts["file-binary"], 1)
            rc, out, _ = run("check", "--as-of", "2026-11-29", "--quiet", tmp)
            self.assertNotIn("warning:", out)
            self.assertIn("error:", out)

    def test_sarif_for_code_scanning(self):
        with tempfile.TemporaryDirectory() as tmp:
            self.folder(tmp)
            rc, out, _ = run("check", "--format", "sarif", "--as-of", "2026-11-29", tmp)
            self.assertEqual(rc, 1)
            doc = json.loads(out)
            self.assertEqual(doc["version"], "2.1.0")
            self.assertIn("sarif-2.1.0", doc["$schema"])
            run0 = doc["runs"][0]
            self.assertEqual(run0["columnKind"], "unicodeCodePoints")
            driver = run0["tool"]["driver"]
            self.assertEqual(driver["name"], "weibao-lint")
            rule_ids = {r["id"] for r in driver["rules"]}
            for r in driver["rules"]:
                for field in ("shortDescription", "fullDescription", "help"):
                    self.assertTrue(r[field]["text"], (r["id"], field))
                self.assertIn(r["defaultConfiguration"]["level"], ("error", "warning", "note"))
            self.assertIn("dismissal-deadline", rule_ids)
            self.assertIn("ledger-bad-date", rule_ids)
            self.assertTrue(run0["results"])
            for res in run0["results"]:
                self.assertIn(res["ruleId"], rule_ids)
                self.assertIn(res["level"], ("error", "warning", "note"))
                self.assertTrue(res["message"]["text"])
                loc = res["locations"][0]["physicalLocation"]
                self.assertTrue(loc["artifactLocation"]["uri"])
                region = loc["region"]
                self.assertGreaterEqual(region["startLine"], 1)
                self.assertGreaterEqual(region["startColumn"], 1)
                self.assertGreaterEqual(region["endLine"], region["startLine"])
                self.assertRegex(res["partialFingerprints"]["primaryLocationLineHash"],
                                 r"^[0-9a-f]{16}:1$")
            late = next(r for r in run0["results"] if r["ruleId"] == "dismissal-deadline")
            self.assertEqual(late["properties"]["due"], "2026-03-30")
            # Stable: the same input gives the same fingerprints.
            rc, again, _ = run("check", "--format", "sarif", "--as-of", "2026-11-29", tmp)
            self.assertEqual(out, again)


# Made-up identity numbers with right check characters, a Luhn-valid card.
MINOR_ID = "110105200811300015"     # born 2008-11-30: a minor on 2026-11-29
ADULT_ID = "110105199001011232"
PHONE = "13812345678"
CARD = "6222021234567890128"
NOTE = ("案情记录\n被害人张小明,身份证" + MINOR_ID + ",监护人电话" + PHONE + "。\n"
        "监护人身份证" + ADULT_ID + ",银行卡" + CARD + "。\n")
WHOLE = (MINOR_ID, ADULT_ID, PHONE, CARD, "张小明")


class PrivacyScan(unittest.TestCase):
    """check finds minors' personal data and never prints it whole;
    redact writes a masked copy."""

    def test_a_note_is_scanned_with_places_and_severities(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = write(tmp, "note.md", NOTE)
            rc, out, err = run("check", "--lang", "en", "--as-of", "2026-11-29", path)
            self.assertEqual((rc, err), (1, ""))
            lines = out.splitlines()
            self.assertEqual(lines, [
                path + ":2:4: warning: the name 张** near the case word '被害人' in free text [privacy-name-case]",
                path + ":2:11: error: identity number 110105********0015 (a minor on 2026-11-29) in free text [privacy-id-number]",
                path + ":2:35: warning: mobile phone number 138****5678 in free text [privacy-phone]",
                path + ":3:7: warning: identity number 110105********1232 in free text [privacy-id-number]",
                path + ":3:29: warning: bank card number ***************0128 in free text [privacy-bank-card]",
            ])
            # The day after the 18th birthday, the holder is an adult.
            rc, out, _ = run("check", "--as-of", "2026-12-01", "--select", "privacy-id-number", path)
            self.assertEqual(rc, 0)
            self.assertNotIn("error", out)

    def test_no_format_prints_a_number_whole(self):
        with tempfile.TemporaryDirectory() as tmp:
            write(tmp, "note.md", NOTE)
            write(tmp, "page.html", "<p>联系电话 " + PHONE + "</p>\n")
            write(tmp, "old.txt", ("身份证" + MINOR_ID + "\n").encode("gb18030").decode("latin-1"),
                  "latin-1")
            runs = []
            for fmt in ("text", "json", "sarif"):
                for extra in ([], ["--statistics"], ["--quiet"]):
                    runs.append(["check", "--format", fmt, "--as-of", "2026-11-29", *extra, tmp])
            runs.append(["check", "--as-of", "2026-11-29", "-"])
            for args in runs:
                rc, out, err = run(*args, stdin=NOTE.encode() if args[-1] == "-" else None)
                self.assertIn(rc, (0, 1), (args, err))
                for whole in WHOLE:
                    self.assertNotIn(whole, out + err, args)
                # A SARIF fingerprint is a 64-bit hash in hex (of the file's
                # path, among others, so it changes with the temporary folder);
                # it quotes no number, but may hold 11 decimal digits in a row
                # by chance.
                text = re.sub(r'"primaryLocationLineHash": "[0-9a-f]{16}:1"', "", out + err)
                self.assertIsNone(re.search(r"\d{11,}", text), args)
            rc, out, _ = run("check", "--format", "sarif", "--as-of", "2026-11-29", tmp)
            results = json.loads(out)["runs"][0]["results"]
            self.assertIn("privacy-id-number", {r["ruleId"] for r in results})

    def test_a_text_in_gb18030_is_read_as_such(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = write(tmp, "old.txt", "说明\n被害人张小明,身份证" + MINOR_ID + "\n", "gb18030")
            rc, out, _ = run("check", "--lang", "en", "--as-of", "2026-11-29", path)
            self.assertEqual(rc, 1)
            self.assertEqual(out.splitlines(), [
                path + ": warning: not UTF-8: read as GB18030 if it is that, else only numbers "
                "were looked for; save the file as UTF-8 [file-encoding]",
                path + ":2:4: warning: the name 张** near the case word '被害人' in free text [privacy-name-case]",
                path + ":2:11: error: identity number 110105********0015 (a minor on 2026-11-29) in free text [privacy-id-number]",
            ])
            # Bytes that are neither UTF-8 nor GB18030: numbers are still found.
            path = write(tmp, "odd.txt", "\x81\x20 " + MINOR_ID + "\n", "latin-1")
            rc, out, _ = run("check", "--lang", "en", "--as-of", "2026-11-29", path)
            self.assertIn("[file-encoding]", out)
            self.assertIn("110105********0015", out)

    def test_a_rule_packs_patterns_and_case_words(self):
        pack = case("valid", "rule-pack-privacy")
        with tempfile.TemporaryDirectory() as tmp:
            path = write(tmp, "note.md", "学籍号G110105200811300015\n失联儿童李小花已找到\n")
            rc, out, err = run("check", "--lang", "en", "--rules", pack, path)
            self.assertEqual((rc, err), (0, ""))
            self.assertEqual(out.splitlines(), [
                path + ":1:4: warning: 学籍号 (school-no) ******************* in free text [privacy-pattern]",
                path + ":2:5: warning: the name 李** near the case word '失联' in free text [privacy-name-case]",
            ])
            # Without the pack neither is found: the number is inside a serial.
            rc, out, _ = run("check", path)
            self.assertEqual((rc, out), (0, ""))
            rc, out, _ = run("redact", "-q", "--rules", pack, path, "-o", "-")
            self.assertEqual(out, "学籍号*******************\n失联儿童李**已找到\n")
            # A pack whose pattern does not compile: where, and why; nothing checked.
            rc, out, err = run("check", "--rules", case("invalid", "pack-bad-pattern"), path)
            self.assertEqual((rc, out), (2, ""))
            self.assertIn("input.xml:5:47: error: privacy pattern 'school-no' does not compile "
                          "at byte 10 of the pattern: missing closing parenthesis", err)

    def test_a_pattern_that_backtracks_without_end_is_stopped(self):
        with tempfile.TemporaryDirectory() as tmp:
            pack = write(tmp, "pack.xml", '<rule-pack xmlns="urn:weibao:rules:1" format="1" '
                         'name="slow"><title>t</title><privacy>'
                         '<pattern id="slow" title="慢">(a+)+$</pattern></privacy></rule-pack>\n')
            path = write(tmp, "note.txt", "正常一行\n" + "a" * 40 + "b\n电话" + PHONE + "\n")
            rc, out, err = run("check", "--lang", "en", "--rules", pack, path)
            self.assertEqual((rc, err), (0, ""))
            lines = out.splitlines()
            self.assertEqual(len(lines), 2, out)
            self.assertTrue(lines[0].startswith(path + ":2:1: warning: "), lines[0])
            self.assertTrue(lines[0].endswith("[privacy-limit]"), lines[0])
            # The scan went on after the line it gave up on.
            self.assertEqual(lines[1], path + ":3:3: warning: mobile phone number 138****5678 "
                             "in free text [privacy-phone]")

    def test_redact_writes_a_masked_copy_and_never_over_its_input(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = write(tmp, "note.md", NOTE)
            out_path = os.path.join(tmp, "masked.md")
            rc, out, err = run("redact", "--as-of", "2026-11-29", path, "-o", out_path)
            self.assertEqual((rc, out), (0, ""))
            self.assertEqual(err, "redact: " + path + ": 2 identity numbers, 1 phone number, "
                                  "1 bank card number, 1 name masked\n")
            with open(out_path, encoding="utf-8") as f:
                masked = f.read()
            self.assertEqual(masked, NOTE.replace(MINOR_ID, "110105********0015")
                             .replace(ADULT_ID, "110105********1232")
                             .replace(PHONE, "138****5678")
                             .replace(CARD, "***************0128")
                             .replace("张小明", "张**"))
            # A masked copy has nothing left to find.
            rc, out, _ = run("check", out_path)
            self.assertEqual((rc, out), (0, ""))
            # Never over the input, never without -o; the input is unchanged.
            with open(path, "rb") as f:
                before = f.read()
            for args in (["redact", path, "-o", path], ["redact", path],
                         ["redact", path, "-o", os.path.join(tmp, ".", "note.md")]):
                rc, _, err = run(*args)
                self.assertEqual(rc, 2, args)
                self.assertTrue(err.startswith("weibao-lint: redact: "), err)
            with open(path, "rb") as f:
                self.assertEqual(f.read(), before)
            # A filter, and a binary file refused.
            rc, out, err = run("redact", "-q", "-", "-o", "-", stdin=NOTE.encode())
            self.assertEqual((rc, err), (0, ""))
            self.assertEqual(out, masked)
            binary = os.path.join(tmp, "x.xlsx")
            with open(binary, "wb") as f:
                f.write(b"PK\x03\x04\x00\x00")
            rc, _, err = run("redact", binary, "-o", os.path.join(tmp, "y"))
            self.assertEqual(rc, 2)
            self.assertIn("not a text file", err)
            self.assertFalse(os.path.exists(os.path.join(tmp, "y")))
            self.assertEqual(sorted(os.listdir(tmp)), ["masked.md", "note.md", "x.xlsx"])


GOLDEN = os.path.join(DATA, "lint")


class GoldenOutputs(unittest.TestCase):
    """Every output format of check, byte for byte, on a county folder with
    ledgers, notes full of personal data, a GB18030 note and a workbook.
    After a deliberate change, rewrite the expected files with
    WB_UPDATE_GOLDEN=1 ctest -R cli, and read the diff before committing."""

    CASES = {
        "check.zh.txt": [],
        "check.en.txt": ["--lang", "en"],
        "check.json": ["--lang", "en", "--format", "json"],
        "check.sarif": ["--lang", "en", "--format", "sarif"],
        "check.statistics.txt": ["--statistics"],
        "check.statistics.json": ["--statistics", "--format", "json"],
    }

    def test_every_format_matches_its_golden_file(self):
        version = re.escape(run("--version")[1].split()[1])
        for name, args in self.CASES.items():
            p = subprocess.run([LINT, "check", "--as-of", "2026-11-29", *args, "county"],
                               cwd=GOLDEN, capture_output=True, timeout=60)
            out = p.stdout.decode("utf-8")
            self.assertEqual((p.returncode, p.stderr), (1, b""), name)
            out = re.sub(r'"version": "' + version + '"', '"version": "@VERSION@"', out)
            path = os.path.join(GOLDEN, "expected", name)
            if os.environ.get("WB_UPDATE_GOLDEN"):
                with open(path, "w", encoding="utf-8") as f:
                    f.write(out)
            with open(path, encoding="utf-8") as f:
                self.assertEqual(out, f.read(), name)
            if name.endswith((".json", ".sarif")):
                json.loads(out)
            for whole in WHOLE:
                self.assertNotIn(whole, out, name)


class SarifUris(unittest.TestCase):
    def test_artifact_uris_are_percent_encoded(self):
        with tempfile.TemporaryDirectory() as tmp:
            write(tmp, "笔记 1.md", "电话" + PHONE + "\n")
            p = subprocess.run([LINT, "check", "--format", "sarif", "."], cwd=tmp,
                               capture_output=True, timeout=60)
            res = json.loads(p.stdout)["runs"][0]["results"]
            uri = res[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            self.assertEqual(uri, "./%E7%AC%94%E8%AE%B0%201.md")
            rc, out, _ = run("check", "--format", "sarif", os.path.join(tmp, "笔记 1.md"))
            uri = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
                "artifactLocation"]["uri"]
            self.assertTrue(uri.startswith("file:///"), uri)
            self.assertTrue(uri.endswith("/%E7%AC%94%E8%AE%B0%201.md"), uri)


class NothingOnStderr(unittest.TestCase):
    def test_no_invalid_input_makes_the_library_print(self):
        # libxml2 prints to stderr unless every parser, reader and schema
        # context has a handler: findings go to stdout, stderr stays empty.
        invalid = os.path.join(DATA, "invalid")
        paths = []
        for name in sorted(os.listdir(invalid)):
            for f in os.listdir(os.path.join(invalid, name)):
                if f.startswith("input"):
                    paths.append(os.path.join(invalid, name, f))
        self.assertGreater(len(paths), 20)
        with tempfile.TemporaryDirectory() as tmp:
            paths.append(write(tmp, "v11.xml", '<?xml version="1.1"?>\n<rubric xmlns="urn:weibao:rubric:1"/>\n'))
            paths.append(write(tmp, "ledger11.xml", '<?xml version="1.1"?>\n'
                               '<meetings xmlns="urn:weibao:ledger:1" format="1"><record key="M1" x="1"/>'
                               '</meetings>\n'))
            paths.append(write(tmp, "broken.xml", '<meetings xmlns="urn:weibao:ledger:1" format="1">'
                               '<record key="M1"</meetings>\n'))
            for path in paths:
                rc, out, err = run("check", "--lang", "en", "--as-of", "2026-11-29", path)
                self.assertEqual(err, "", path)
                self.assertIn(rc, (0, 1), path)


class Global(unittest.TestCase):
    def test_version(self):
        rc, out, _ = run("--version")
        self.assertEqual(rc, 0)
        self.assertRegex(out, r"^weibao-lint \d+\.\d+\.\d+ \(libweibao \d+\.\d+\.\d+\)\n$")

    def test_help(self):
        for args in (["--help"], ["rubric", "--help"], ["check", "--help"],
                     ["calendar", "--help"], ["due", "--help"], ["calendar", "import", "--help"],
                     ["redact", "--help"], ["score", "--help"], ["rule", "--help"],
                     ["ledger", "--help"]):
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
