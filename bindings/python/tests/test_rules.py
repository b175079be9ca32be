"""The rule table, rule packs and ledger kinds as Python objects."""

import datetime
import gc
import os
import pathlib
import tempfile
import unittest
import weakref

import weibao

PACK = ('<rule-pack xmlns="urn:weibao:rules:1" format="1" name="county-x">'
        '<title>t</title><set rule="staff-requery" param="every" value="{value}"/>'
        '</rule-pack>')


class DefaultRuleSetTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.rules = weibao.RuleSet.default()

    def test_edition(self):
        self.assertEqual(self.rules.edition, "meihekou-2022")
        self.assertIsNone(self.rules.pack)
        self.assertIn("meihekou-2022", repr(self.rules))

    def test_first_rules_and_their_standards(self):
        ids = [rule.id for rule in self.rules]
        self.assertEqual(len(ids), len(self.rules))
        self.assertEqual(len(set(ids)), len(ids))
        for rule_id in ("hire-query", "staff-requery", "dismissal-deadline"):
            self.assertIn(rule_id, ids)
            self.assertIn(rule_id, self.rules)
            self.assertEqual(self.rules[rule_id].standards, ("2.3",))
            self.assertEqual(self.rules[rule_id].ledger, "background-checks")
        self.assertEqual(self.rules["judicial-reply"].standards, ("8.5",))
        self.assertEqual(self.rules["judicial-reply"].ledger, "judicial-suggestions")
        self.assertEqual([r.id for r in self.rules.rules], ids)

    def test_rule(self):
        rule = self.rules["dismissal-deadline"]
        self.assertIsInstance(rule, weibao.Rule)
        self.assertEqual(rule.id, "dismissal-deadline")
        self.assertEqual(rule.title(), "收到查询结果后30个工作日内解除工作关系")
        self.assertEqual(rule.title("zh"), rule.title())
        self.assertIn("30 working days", rule.title("en"))
        self.assertEqual(rule.severity, "error")
        self.assertIn("30个工作日", rule.basis)
        self.assertIn("第30个工作日", rule.reading())
        self.assertIn("30th working day", rule.reading("en"))
        self.assertIs(rule.ruleset, self.rules)
        self.assertEqual(rule, self.rules["dismissal-deadline"])
        self.assertEqual(hash(rule), hash(self.rules["dismissal-deadline"]))
        self.assertNotEqual(rule, self.rules["hire-query"])
        self.assertIn("dismissal-deadline", repr(rule))
        with self.assertRaises(ValueError):
            rule.title("fr")

    def test_param_within(self):
        rule = self.rules["dismissal-deadline"]
        self.assertEqual([p.name for p in rule.params], ["within"])
        p = rule.param("within")
        self.assertIsInstance(p, weibao.Param)
        self.assertEqual(p.name, "within")
        self.assertEqual(p.value, 30)
        self.assertEqual(p.default, 30)
        self.assertEqual((p.min, p.max), (1, 365))
        self.assertEqual(p.unit, "workdays")
        self.assertEqual(p.source, "rubric")
        self.assertIsNone(p.set_by)
        self.assertIn("工作日", p.summary())
        self.assertIn("working days", p.summary("en"))
        self.assertEqual(p, rule.params[0])

    def test_param_units_and_sources(self):
        every = self.rules["staff-requery"].param("every")
        self.assertEqual((every.unit, every.source, every.value), ("months", "county", 12))
        move = self.rules["judicial-reply"].param("move-off-rest-days")
        self.assertEqual((move.unit, move.source, move.value), ("flag", "law", 1))
        self.assertEqual(self.rules["hire-query"].params, ())

    def test_missing_rule_and_param(self):
        with self.assertRaises(KeyError) as cm:
            self.rules["no-such-rule"]
        self.assertIsInstance(cm.exception, weibao.NotFoundError)
        self.assertIn("no-such-rule", cm.exception.message)
        self.assertNotIn("no-such-rule", self.rules)
        self.assertIsNone(self.rules.get("no-such-rule"))
        self.assertIsNone(self.rules.get(42))
        with self.assertRaises(KeyError):
            self.rules["dismissal-deadline"].param("every")
        with self.assertRaises(TypeError):
            self.rules[3]

    def test_schema(self):
        self.assertIn("urn:weibao:rules:1", weibao.RuleSet.schema())


class RulePackTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def write(self, name, text):
        path = pathlib.Path(self.tmp.name) / name
        path.write_text(text, encoding="utf-8")
        return path

    def test_pack_sets_every(self):
        base = weibao.RuleSet.default()
        path = self.write("county-x.xml", PACK.format(value=6))
        packed = base.with_pack(path)
        self.assertIsInstance(packed, weibao.RuleSet)
        self.assertEqual(packed.pack, "county-x")
        self.assertEqual(packed.edition, base.edition)
        every = packed["staff-requery"].param("every")
        self.assertEqual(every.value, 6)
        self.assertEqual(every.default, 12)
        self.assertEqual(every.set_by, "county-x")
        # Parameters the pack does not set keep their defaults.
        within = packed["dismissal-deadline"].param("within")
        self.assertEqual((within.value, within.set_by), (30, None))
        # The base is untouched.
        base_every = base["staff-requery"].param("every")
        self.assertEqual((base_every.value, base_every.set_by), (12, None))
        self.assertIsNone(base.pack)
        self.assertEqual(weibao.check_rule_pack(path), [])
        self.assertEqual(weibao.check_rule_pack(str(path), base=base), [])

    def test_pack_string(self):
        packed = weibao.RuleSet.default().with_pack_string(PACK.format(value=24))
        self.assertEqual(packed["staff-requery"].param("every").value, 24)
        packed = weibao.RuleSet.default().with_pack_string(
            PACK.format(value=24).encode("utf-8"), name="x.xml")
        self.assertEqual(packed["staff-requery"].param("every").set_by, "county-x")

    def test_pack_value_out_of_bounds(self):
        with self.assertRaises(weibao.SchemaError) as cm:
            weibao.RuleSet.default().with_pack_string(PACK.format(value=0), name="zero.xml")
        e = cm.exception
        self.assertEqual(e.rule, "pack-value")
        self.assertEqual(e.code, weibao.Status.ESCHEMA)
        self.assertEqual(e.source, "zero.xml")
        self.assertEqual(e.line, 1)
        self.assertIn("every", e.message)
        self.assertIn("between 1 and 60", e.message)
        self.assertIn("sets 0", e.message)

        path = self.write("zero.xml", PACK.format(value=0))
        with self.assertRaises(weibao.SchemaError):
            weibao.RuleSet.default().with_pack(path)
        found = weibao.check_rule_pack(path)
        self.assertEqual([d.rule for d in found], ["pack-value"])
        self.assertIsInstance(found[0], weibao.Diagnostic)
        self.assertEqual(found[0].severity, "error")
        self.assertEqual(found[0].file, str(path))

    def test_pack_unknown_rule(self):
        text = PACK.format(value=6).replace("staff-requery", "no-such-rule")
        with self.assertRaises(weibao.SchemaError) as cm:
            weibao.RuleSet.default().with_pack_string(text)
        self.assertEqual(cm.exception.rule, "pack-unknown")

    def test_rule_table_file(self):
        from support import source_dir
        path = source_dir() / "data" / "rules.xml"
        self.assertEqual(weibao.check_rules(path), [])
        loaded = weibao.RuleSet.load(path)
        self.assertEqual([r.id for r in loaded], [r.id for r in weibao.RuleSet.default()])
        text = path.read_text(encoding="utf-8")
        self.assertEqual(len(weibao.RuleSet.from_string(text)), len(loaded))
        broken = text.replace('default="30"', 'default="x30"', 1)
        self.assertNotEqual(broken, text)
        with self.assertRaises(weibao.SchemaError):
            weibao.RuleSet.from_string(broken)
        self.assertTrue(weibao.check_rules(self.write("broken.xml", broken)))

    def test_missing_file(self):
        path = os.path.join(self.tmp.name, "没有.xml")
        with self.assertRaises(weibao.FileError):
            weibao.RuleSet.load(path)
        with self.assertRaises(weibao.FileError):
            weibao.RuleSet.default().with_pack(path)
        with self.assertRaises(weibao.FileError):
            weibao.check_rules(path)


PRIVACY_PACK = """<rule-pack xmlns="urn:weibao:rules:1" format="1" name="county-x">
  <title>t</title>
  <privacy>
    <pattern id="school-no" title="学籍号">G\\d{18}</pattern>
    <case-words mode="{mode}">网络沉迷 失联</case-words>
  </privacy>
</rule-pack>"""


class RulePackPrivacyTest(unittest.TestCase):
    def test_default_set(self):
        rules = weibao.RuleSet.default()
        self.assertEqual(rules.privacy_patterns, ())
        self.assertEqual(rules.case_words, weibao.PrivacyScanner.default_case_words())
        self.assertIn("被害人", rules.case_words)
        self.assertIsNone(rules.case_words_set_by)

    def test_patterns_and_added_words(self):
        rules = weibao.RuleSet.default().with_pack_string(PRIVACY_PACK.replace("{mode}", "add"))
        (pattern,) = rules.privacy_patterns
        self.assertIsInstance(pattern, weibao.PrivacyPattern)
        self.assertEqual((pattern.id, pattern.title, pattern.pattern, pattern.set_by),
                         ("school-no", "学籍号", r"G\d{18}", "county-x"))
        self.assertIs(pattern.ruleset, rules)
        self.assertIn("school-no", repr(pattern))
        builtin = weibao.PrivacyScanner.default_case_words()
        self.assertEqual(rules.case_words, builtin + ("网络沉迷", "失联"))
        self.assertEqual(rules.case_words_set_by, "county-x")

        scanner = rules.privacy_scanner(as_of=datetime.date(2026, 11, 29))
        self.assertIsInstance(scanner, weibao.PrivacyScanner)
        self.assertEqual(scanner.as_of, datetime.date(2026, 11, 29))
        found = scanner.scan("学籍号G123456789012345678\n网络沉迷:王小明\n")
        self.assertEqual([(d.rule, d.line) for d in found],
                         [("privacy-pattern", 1), ("privacy-name-case", 2)])
        self.assertEqual(found[0].message_en,
                         "学籍号 (school-no) ******************* in free text")
        self.assertEqual(found[0].column, 4)
        self.assertNotIn("1234", found[0].message)
        self.assertEqual(scanner.redact("G123456789012345678"), "*" * 19)

    def test_replaced_words(self):
        rules = weibao.RuleSet.default().with_pack_string(
            PRIVACY_PACK.replace("{mode}", "replace"))
        self.assertEqual(rules.case_words, ("网络沉迷", "失联"))
        found = rules.privacy_scanner().scan("被害人张小明\n失联:李小红")
        self.assertEqual([(d.rule, d.line) for d in found], [("privacy-name-case", 2)])
        self.assertIn("李**", found[0].message_en)

    def test_scanner_arguments(self):
        rules = weibao.RuleSet.default()
        with self.assertRaises(TypeError):
            rules.privacy_scanner(as_of="2026-11-29")
        with self.assertRaises(OverflowError):
            rules.privacy_scanner(match_limit=2 ** 32)
        scanner = rules.privacy_scanner()
        self.assertIsNone(scanner.as_of)
        self.assertEqual([d.rule for d in scanner.scan("被害人张小明")], ["privacy-name-case"])

    def test_bad_pattern(self):
        text = PRIVACY_PACK.replace("{mode}", "add").replace(r"G\d{18}", "ab(c")
        with self.assertRaises(weibao.PatternError) as cm:
            weibao.RuleSet.default().with_pack_string(text, name="pack.xml")
        e = cm.exception
        self.assertEqual(e.code, weibao.Status.EREGEX)
        self.assertEqual(e.rule, "pack-bad-pattern")
        self.assertEqual((e.source, e.line), ("pack.xml", 4))
        # '    <pattern id="school-no" title="学籍号">' is 40 code points.
        self.assertEqual(e.column, 45)
        self.assertIn("missing closing parenthesis", e.message)

        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp) / "pack.xml"
            path.write_text(text, encoding="utf-8")
            (found,) = weibao.check_rule_pack(path)
            self.assertEqual((found.rule, found.line, found.column), ("pack-bad-pattern", 4, 45))

    def test_refused_patterns(self):
        for pattern, error, words in (("a*", weibao.PatternError, "matches empty text"),
                                      ("", weibao.PatternError, "is empty")):
            text = PRIVACY_PACK.replace("{mode}", "add").replace(r"G\d{18}", pattern)
            with self.assertRaises(error) as cm:
                weibao.RuleSet.default().with_pack_string(text)
            self.assertIn(words, cm.exception.message)
        twice = PRIVACY_PACK.replace("{mode}", "add").replace(
            "<case-words", '<pattern id="school-no" title="学号">S\\d{8}</pattern><case-words')
        with self.assertRaises(weibao.SchemaError) as cm:
            weibao.RuleSet.default().with_pack_string(twice)
        self.assertNotIsInstance(cm.exception, weibao.PatternError)
        self.assertEqual(cm.exception.rule, "pack-bad-pattern")
        self.assertIn("used twice", cm.exception.message)

    def test_patterns_outlive_the_set(self):
        rules = weibao.RuleSet.default().with_pack_string(PRIVACY_PACK.replace("{mode}", "add"))
        ref = weakref.ref(rules)
        patterns = rules.privacy_patterns
        scanner = rules.privacy_scanner()
        del rules
        gc.collect()
        self.assertIsNotNone(ref())   # held by the patterns
        self.assertEqual(patterns[0].title, "学籍号")
        del patterns
        gc.collect()
        self.assertIsNone(ref())
        # The scanner keeps nothing of the set.
        self.assertEqual([d.rule for d in scanner.scan("G123456789012345678")],
                         ["privacy-pattern"])


class RuleLifetimeTest(unittest.TestCase):
    def test_rule_and_param_outlive_the_set(self):
        rules = weibao.RuleSet.default().with_pack_string(PACK.format(value=6))
        finalizer = rules._free
        ref = weakref.ref(rules)
        rule = rules["staff-requery"]
        param = rule.param("every")
        it = iter(rules)
        del rules
        gc.collect()
        self.assertEqual(rule.title(), "在职人员查询一次后定期复查")
        self.assertEqual(rule.standards, ("2.3",))
        self.assertEqual((param.value, param.set_by, param.unit), (6, "county-x", "months"))
        self.assertEqual(next(it).id, "hire-query")
        self.assertTrue(finalizer.alive)
        del rule, param, it
        gc.collect()
        self.assertIsNone(ref())
        self.assertFalse(finalizer.alive)

    def test_pack_does_not_hold_its_base(self):
        base = weibao.RuleSet.default()
        ref = weakref.ref(base)
        packed = base.with_pack_string(PACK.format(value=6))
        del base
        gc.collect()
        self.assertIsNone(ref())   # a pack is a deep copy
        self.assertEqual(packed["staff-requery"].param("every").value, 6)


class LedgerKindTest(unittest.TestCase):
    def test_kinds(self):
        kinds = weibao.ledger_kinds()
        self.assertIsInstance(kinds, tuple)
        names = [k.name for k in kinds]
        self.assertIn("background-checks", names)
        self.assertIn("judicial-suggestions", names)
        self.assertEqual(len(set(names)), len(names))
        # Every rule checks a kind the library reads.
        for rule in weibao.RuleSet.default():
            self.assertIn(rule.ledger, names, rule.id)

    def test_background_checks(self):
        kind = weibao.LedgerKind.find("background-checks")
        self.assertIsInstance(kind, weibao.LedgerKind)
        self.assertEqual(kind, weibao.ledger_kinds()[[k.name for k in weibao.ledger_kinds()]
                                                   .index("background-checks")])
        self.assertEqual(kind.title(), "入职查询台账")
        self.assertEqual(kind.title("en"), "Background checks")
        self.assertEqual(weibao.LedgerKind.find("入职查询台账"), kind)
        fields = {f.name: f for f in kind.fields}
        self.assertIsInstance(kind.fields, tuple)
        query = fields["query-date"]
        self.assertIsInstance(query, weibao.Field)
        self.assertEqual(query.header, "查询日期")
        self.assertEqual(query.type, "date")
        self.assertFalse(query.required)
        self.assertEqual(query.choices, ())
        self.assertTrue(query.summary())
        self.assertTrue(query.summary("en"))
        self.assertEqual(kind.fields[0].name, "key")
        self.assertTrue(kind.fields[0].required)
        self.assertEqual(fields["id-number"].type, "id-number")
        self.assertEqual(fields["name"].type, "name")
        self.assertEqual(fields["result"].type, "choice")
        self.assertIn(("有", "record"), fields["result"].choices)
        self.assertEqual(kind.field("query_date"), query)
        self.assertEqual(kind.field("查询日期"), query)
        with self.assertRaises(KeyError):
            kind.field("no-such-column")

    def test_every_kind_is_generic(self):
        for kind in weibao.ledger_kinds():
            self.assertEqual(weibao.LedgerKind.find(kind.name), kind)
            self.assertTrue(kind.title())
            self.assertTrue(kind.fields, kind.name)
            for f in kind.fields:
                self.assertTrue(f.name and f.header, kind.name)
                self.assertIn(f.type, ("text", "date", "choice", "count", "name",
                                       "id-number"))
                self.assertEqual(bool(f.choices), f.type == "choice", (kind.name, f.name))

    def test_unknown_kind(self):
        with self.assertRaises(KeyError):
            weibao.LedgerKind.find("no-such-ledger")
        with self.assertRaises(TypeError):
            weibao.LedgerKind.find(None)
        with self.assertRaises(TypeError):
            weibao.LedgerKind()


if __name__ == "__main__":
    unittest.main()
