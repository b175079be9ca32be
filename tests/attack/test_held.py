"""Attacks the audit found held, kept as tests so that they keep holding:
entity expansion, external entities, XInclude and deep nesting in every
kind of XML; a catastrophic pattern in a rule pack; markup in a county's
name in the HTML report; redact over its input or a link to it."""

import os
import unittest

from support import AttackCase, MINOR_ID, SOURCE

KINDS = {
    "rubric": '<rubric xmlns="urn:weibao:rubric:1" format="1" edition="x" total="1">',
    "dossier": '<dossier xmlns="urn:weibao:dossier:1" format="1" county="x" rubric="x" as-of="2026-11-29">',
    "rule-pack": '<rule-pack xmlns="urn:weibao:rules:1" format="1" name="x">',
    "ledger": '<meetings xmlns="urn:weibao:ledger:1">',
}
CLOSE = {"rubric": "</rubric>", "dossier": "</dossier>", "rule-pack": "</rule-pack>",
         "ledger": "</meetings>"}

LAUGHS = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE r [
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
  <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
  <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
]>
{open}<title>&f;</title>{close}
"""

XXE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
{open}<title>&x;</title>{close}
"""

XINCLUDE = """<?xml version="1.0" encoding="UTF-8"?>
{open}<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd" parse="text"/>{close}
"""


class XmlAttacks(AttackCase):
    def attack(self, template, name):
        for kind, open_tag in KINDS.items():
            path = self.write("%s-%s.xml" % (name, kind),
                              template.format(open=open_tag, close=CLOSE[kind]))
            r = self.lint("check", "--format", "json", path, expect=(1, 2), timeout=20)
            self.assertNotIn("root:x:0:0", r.text)
            self.assertLess(r.maxrss_kib, 128 * 1024, kind)

    def test_billion_laughs(self):
        self.attack(LAUGHS, "laughs")

    def test_external_entity(self):
        self.attack(XXE, "xxe")

    def test_xinclude(self):
        self.attack(XINCLUDE, "xinclude")

    def test_deep_nesting(self):
        deep = '<?xml version="1.0"?>\n' + "<a>" * 100000 + "</a>" * 100000
        path = self.write("deep.xml", deep)
        self.lint("check", path, expect=(1, 2), timeout=20)


class PatternAttacks(AttackCase):
    def test_a_catastrophic_pattern_is_stopped_and_the_scan_goes_on(self):
        pack = self.write("pack.xml",
                          '<?xml version="1.0" encoding="UTF-8"?>\n'
                          '<rule-pack xmlns="urn:weibao:rules:1" format="1" name="slow">'
                          '<title>t</title><privacy><pattern id="slow" title="慢">(a+)+$</pattern></privacy>'
                          '</rule-pack>\n')
        text = self.write("text.txt", "a" * 5000 + "b\n身份证 " + MINOR_ID + "\n")
        r = self.lint("check", "--rules", pack, "--format", "json", text, expect=1, timeout=20)
        self.assertIn("privacy-limit", r.out)
        self.assertIn("privacy-id-number", r.out)
        self.assertNothingWhole(r.text, MINOR_ID)


class ReportAttacks(AttackCase):
    def test_markup_in_the_dossier_is_escaped_in_html(self):
        src = os.path.join(SOURCE, "examples", "dossier")
        for name in os.listdir(src):
            with open(os.path.join(src, name), "rb") as f:
                data = f.read()
            if name == "dossier.xml":
                data = data.replace('county="示范县"'.encode(),
                                    'county="&lt;script&gt;alert(1)&lt;/script&gt;"'.encode())
            self.write(name, data)
        out = self.path("report.html")
        self.lint("score", self.path("dossier.xml"), "--format", "html", "-o", out, expect=1)
        with open(out, encoding="utf-8") as f:
            html = f.read()
        self.assertNotIn("<script>", html)
        self.assertIn("&lt;script&gt;", html)


class RedactOverItsInput(AttackCase):
    def test_redact_never_writes_over_its_input_or_a_link_to_it(self):
        text = self.write("in.txt", "身份证 " + MINOR_ID + "\n")
        os.symlink("in.txt", self.path("link.txt"))
        os.link(text, self.path("hard.txt"))
        for target in (text, self.path("link.txt"), self.path("hard.txt")):
            r = self.lint("redact", text, "-o", target, expect=2)
            self.assertIn("refusing to write over the input", r.err)
            with open(text, encoding="utf-8") as f:
                self.assertIn(MINOR_ID, f.read())


if __name__ == "__main__":
    unittest.main()
