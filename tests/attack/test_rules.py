"""Attacks on what the rules conclude: ledger rows with cells that cannot be
read (which must never shrink what a rule counts over), dates at the end
of the calendar's years, and dossiers whose vetoes and scores contradict
themselves."""

import json
import unittest

from support import AttackCase

COMMUNITIES = "编号,名称,关爱服务场所,每周开放天数,每周节假日开放天数,每次开放小时数\n"


def communities(complying, others, extra=""):
    rows = [COMMUNITIES]
    for i in range(complying):
        rows.append("C%02d,社区%d,有,5,1,3\n" % (i, i))
    for i in range(complying, complying + others):
        rows.append("C%02d,社区%d,无,,,\n" % (i, i))
    return "".join(rows) + extra


class UnreadableRows(AttackCase):
    """Item 10: a row with an unreadable cell stays in every denominator."""

    def coverage(self, csv):
        path = self.write("communities.csv", csv)
        r = self.lint("check", "--lang", "en", "--as-of", "2026-11-29", "--format", "json",
                      "--show", "all", "--select", "venue-coverage", path, expect=(0, 1))
        found = [f for f in json.loads(r.out) if f["rule"] == "venue-coverage"]
        self.assertEqual(len(found), 1, r.out)
        return r, found[0]

    def test_the_audit_ledger_is_17_of_19_and_fails(self):
        # 19 communities: 17 with a complying venue, one open 4.5 days a
        # week, one without. 17 of 19 is 89.4%: below 90%.
        r, f = self.coverage(communities(17, 1, "C18,社区18,有,4.5,1,3\n"))
        self.assertEqual(r.rc, 1)
        self.assertIn("17 of 19", f["message"])
        self.assertIn("1 row could not be read (line 20)", f["message"])
        self.assertNotIn("17 of 18", f["message"])

    def test_90_percent_passes_and_one_unreadable_row_makes_it_fail(self):
        r, f = self.coverage(communities(18, 2))
        self.assertEqual(r.rc, 0)
        self.assertIn("18 of 20", f["message"])
        for bad in ("C20,社区20,有,5,1,2.98\n", "C20,社区20,一,5,1,3\n", ",社区20,有,5,1,3\n"):
            r, f = self.coverage(communities(18, 2, bad))
            self.assertEqual(r.rc, 1, bad)
            self.assertIn("18 of 21", f["message"], bad)

    def test_a_township_with_a_typo_keeps_its_meeting_count(self):
        self.write("townships.csv", "编号,名称,儿童督导员人数\nT1,城关镇,1\nT2,东风乡,一\n")
        self.write("meetings.csv", "编号,层级,乡镇(街道),会议日期,会议纪要\n"
                                   "M1,乡镇(街道),城关镇,2026-02-01,有\n"
                                   "M2,乡镇(街道),城关镇,2026-06-01,有\n")
        r = self.lint("check", "--lang", "en", "--as-of", "2027-01-01", "--since", "2026-01-01",
                      "--select", "township-meetings,supervisor-staffing", self.dir, expect=1)
        self.assertIn("东风乡 2026: Each township holds at least 2 meetings a year, with minutes: "
                      "only 0, at least 2 required [township-meetings]", r.out)
        self.assertIn("T2: Each township names a child supervisor: insufficient data: "
                      "child-supervisors (儿童督导员人数) could not be read", r.out)

    def test_a_site_keeps_its_quarters(self):
        # S3 has a typo in another column (一 for 1 child director).
        self.write("communities.csv", "编号,家庭教育指导服务站点,儿童主任人数\nS1,有,1\nS2,有,1\nS3,有,一\n")
        self.write("activities.csv", "编号,站点编号,活动日期,活动记录\n"
                                     "A1,S1,2026-04-02,有\nA2,S2,2026-04-31,有\n")
        r = self.lint("check", "--lang", "en", "--as-of", "2026-07-01", "--since", "2026-04-01",
                      "--select", "family-education-activities", self.dir, expect=1)
        self.assertIn("S2 2026Q2: Each family-education site holds at least 1 recorded activity "
                      "a quarter: only 0, at least 1 required; 1 row could not be read (line 3): "
                      "not counted as an activity", r.out)
        self.assertIn("S3 2026Q2: Each family-education site holds at least 1 recorded activity "
                      "a quarter: only 0, at least 1 required [family-education-activities]", r.out)


class DatesAtTheEndOfTime(AttackCase):
    """Item 16: a date whose deadline would pass 9999-12-31."""

    def test_a_row_dated_9999_is_a_finding_and_the_others_are_checked(self):
        path = self.write("checks.csv", "编号,人员类别,入职日期,查询日期\n"
                                        "B1,新入职,2026-03-01,2026-03-05\n"
                                        "B2,在职,,9999-11-30\n"
                                        "B3,新入职,2026-03-01,2026-03-06\n")
        r = self.lint("check", "--lang", "en", "--as-of", "2026-11-29", path, expect=1)
        self.assertEqual(r.err, "")
        self.assertIn(":3:1: error: 9999-11-30: the last day of 12 months counted from it would "
                      "fall after 9999-12-31, past any calendar [ledger-coverage]", r.out)
        self.assertIn(":2:1: error: B1:", r.out)
        self.assertIn(":4:1: error: B3:", r.out)

    def test_a_child_registered_in_9999(self):
        path = self.write("children.csv", "编号,风险等级,建档日期\nK1,低,9999-11-30\nK2,高,2026-01-05\n")
        r = self.lint("check", "--lang", "en", "--as-of", "2026-11-29", path, expect=1)
        self.assertNotIn("check: \n", r.err)
        self.assertIn("after 9999-12-31", r.out)
        self.assertIn("K2:", r.out)


DOSSIER = """<?xml version="1.0" encoding="UTF-8"?>
<dossier xmlns="urn:weibao:dossier:1" format="1" county="测试县"
         rubric="meihekou-2022" as-of="2026-11-29">
  <title>本级自评</title>
  <score standard="8.5" points="-0.5" unit="市检察院"/>
  <veto item="V1" occurred="true" date="2026-12-01"/>
  <veto item="V2" occurred="false" date="2026-05-01"/>
</dossier>
"""


class ContradictoryDossiers(AttackCase):
    """Item 20: vetoes whose dates contradict them, and a negative score."""

    def test_veto_dates_that_contradict_the_declaration(self):
        path = self.write("dossier.xml", DOSSIER)
        r = self.lint("score", "--lang", "en", "--format", "json", path, expect=(0, 1))
        findings = json.loads(r.out)["sheet_problems"]
        dates = [f for f in findings if f["rule"] == "dossier-veto-date"]
        self.assertEqual([(f["line"], f["column"]) for f in dates], [(6, 3), (7, 3)], dates)
        self.assertIn("V1 occurred on 2026-12-01, after the dossier's as-of date 2026-11-29",
                      dates[0]["message"])
        self.assertIn("V2 did not occur, but the dossier gives it a date (2026-05-01)",
                      dates[1]["message"])

    def test_a_negative_score_is_out_of_range_not_unscored(self):
        path = self.write("dossier.xml", DOSSIER)
        r = self.lint("score", "--lang", "en", "--format", "json", path, expect=(0, 1))
        report = json.loads(r.out)
        s85 = [s for s in report["standards"] if s["id"] == "8.5"][0]
        self.assertEqual(s85["claimed"], -0.5)      # as written, not null ("not scored")
        problems = report["sheet_problems"] + report["findings"]
        ranges = [f for f in problems if f["rule"] == "dossier-score-range"]
        self.assertEqual(len(ranges), 1)
        self.assertIn("8.5 is scored -0.5", ranges[0]["message"])
        missing = [f["message"] for f in problems if f["rule"] == "dossier-missing-standard"]
        self.assertFalse([m for m in missing if " 8.5 " in m])
        r = self.lint("score", "--lang", "en", "--format", "csv", path, expect=(0, 1))
        self.assertIn("8.5,1,-0.5,", r.out)
        r = self.lint("score", "--lang", "en", "--format", "html", path, expect=(0, 1))
        self.assertIn("<td>8.5</td><td>1</td><td>-0.5</td>", r.out)


if __name__ == "__main__":
    unittest.main()
