"""The rubric as Python objects: the default edition, item and unit lookups."""

import unittest
from decimal import Decimal

import weibao

from support import line_of, minimal_xml_path, rubric_xml, rubric_xml_path


class DefaultEditionTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.rubric = weibao.Rubric.default()

    def test_edition(self):
        r = self.rubric
        self.assertEqual(r.edition, "meihekou-2022")
        self.assertEqual(r.origin, "<default>")
        self.assertIn("考核细则", r.title)
        self.assertIn("梅政办发〔2022〕2号", r.source)
        self.assertEqual(r.veto_heading, "负面工作清单项")

    def test_counts_and_total(self):
        r = self.rubric
        self.assertEqual(len(r), 67)
        self.assertEqual(len(r.standards), 67)
        self.assertEqual(len(r.categories), 10)
        self.assertEqual(len(r.vetoes), 8)
        self.assertIsInstance(r.total_points, Decimal)
        self.assertEqual(r.total_points, Decimal("100"))
        self.assertEqual(str(r.total_points), "100")
        self.assertEqual(sum(item.points for item in r), r.total_points)
        self.assertEqual(sum(c.points for c in r.categories), r.total_points)

    def test_iteration_is_document_order(self):
        ids = [item.id for item in self.rubric]
        self.assertEqual(ids[:3], ["1.1", "1.2", "1.3"])
        self.assertEqual(ids, [item.id for c in self.rubric.categories for item in c])
        self.assertTrue(all(item.kind == "standard" for item in self.rubric))
        lines = [item.line for item in self.rubric]
        self.assertEqual(lines, sorted(lines))

    def test_category_9(self):
        cat = self.rubric.categories[8]
        self.assertEqual(cat.id, "9")
        self.assertEqual(cat.name, "保障措施")
        self.assertEqual(len(cat), 9)
        self.assertEqual(len(cat.standards), 9)
        self.assertEqual(cat.points, Decimal("16"))
        self.assertEqual(sum(len(t) for t in cat.topics), 9)
        self.assertEqual([i.id for t in cat.topics for i in t.standards],
                         [i.id for i in cat])
        self.assertTrue(all(t.category == cat for t in cat.topics))
        self.assertTrue(all(i.category == cat for i in cat))

    def test_standard_2_3(self):
        item = self.rubric["2.3"]
        self.assertIsInstance(item, weibao.Item)
        self.assertEqual(item.id, "2.3")
        self.assertEqual(item.kind, "standard")
        self.assertEqual(item.points, Decimal("2"))
        self.assertEqual(item.category.id, "2")
        self.assertEqual(item.category.name, "工作机制")
        self.assertEqual(item.topic, "从业查询")
        self.assertIn("30个工作日内", item.text)
        self.assertIsNone(item.corrected_text)
        self.assertIsNone(item.units_tail)
        self.assertEqual(item.unit_spellings, ["市未保办", "市检察院", "市公安局", "各成员单位"])
        self.assertEqual(item.line, line_of(rubric_xml(), '<standard id="2.3"'))
        self.assertIn("2.3", repr(item))

    def test_corrected_text_2_5(self):
        item = self.rubric["2.5"]
        self.assertIn("审核势头", item.text)
        self.assertIn("审核", item.corrected_text)
        self.assertNotIn("审核势头", item.corrected_text)

    def test_alias_as_printed_and_resolved_5_6(self):
        item = self.rubric["5.6"]
        self.assertIn("市交通局", item.unit_spellings)
        i = item.unit_spellings.index("市交通局")
        self.assertEqual(item.units[i].name, "市交通运输局")
        self.assertEqual(item.units[i].id, "transport")
        self.assertEqual(len(item.units), len(item.unit_spellings))

    def test_units_tail_8_7(self):
        self.assertEqual(self.rubric["8.7"].units_tail, "等相关单位")

    def test_veto_items(self):
        vetoes = self.rubric.vetoes
        self.assertEqual([v.id for v in vetoes], [f"V{n}" for n in range(1, 9)])
        v1 = self.rubric["V1"]
        self.assertEqual(v1, vetoes[0])
        self.assertEqual(v1.kind, "veto")
        self.assertIsNone(v1.points)
        self.assertIsNone(v1.category)
        self.assertIsNone(v1.topic)
        self.assertIn("市公安局", v1.unit_spellings)

    def test_mapping_protocol(self):
        r = self.rubric
        self.assertIn("2.3", r)
        self.assertIn("V1", r)
        self.assertNotIn("9.99", r)
        self.assertNotIn("2.3\0", r)
        self.assertNotIn(2.3, r)
        self.assertIsNone(r.get("9.99"))
        self.assertEqual(r.get("9.99", "none"), "none")
        self.assertEqual(r.get("2.3"), r["2.3"])
        with self.assertRaises(TypeError):
            r[2]

    def test_views_compare_by_identity_in_the_rubric(self):
        a, b = self.rubric["2.3"], self.rubric["2.3"]
        self.assertIsNot(a, b)
        self.assertEqual(a, b)
        self.assertEqual(hash(a), hash(b))
        self.assertNotEqual(a, self.rubric["2.4"])
        self.assertEqual(len({a, b, self.rubric["2.4"]}), 2)
        self.assertNotEqual(weibao.Rubric.default()["2.3"], a)

    def test_unit_lookup(self):
        r = self.rubric
        transport = r.unit("市交通局")
        self.assertIsInstance(transport, weibao.Unit)
        self.assertEqual(transport.id, "transport")
        self.assertEqual(transport.name, "市交通运输局")
        self.assertEqual(transport.kind, "body")
        self.assertEqual(transport.aliases, ["市交通局"])
        self.assertEqual(r.unit("transport"), transport)
        self.assertEqual(r.unit("市交通运输局"), transport)
        self.assertEqual(transport.members, [])
        self.assertFalse(transport.is_open)

    def test_groups(self):
        members = self.rubric.unit("各成员单位")
        self.assertEqual(members.kind, "group")
        self.assertEqual(members.id, "member-units")
        self.assertFalse(members.is_open)
        self.assertIn(self.rubric.unit("市公安局"), members.members)
        townships = self.rubric.unit("各乡镇人民政府")
        self.assertEqual(townships.name, "各乡镇(街道)")
        self.assertTrue(townships.is_open)
        self.assertEqual(townships.members, [])
        self.assertTrue(any(u == townships for u in self.rubric.units))

    def test_standards_for_unit(self):
        ids = [item.id for item in self.rubric.standards_for_unit("市公安局")]
        self.assertIn("2.3", ids)   # named directly
        self.assertIn("1.5", ids)   # through 各成员单位
        self.assertEqual(len(ids), len(set(ids)))
        self.assertTrue(all("." in i for i in ids))

    def test_responsibilities(self):
        police = self.rubric.unit("市公安局")
        via = {item.id: group for item, group in police.responsibilities}
        self.assertIsNone(via["2.3"])
        self.assertIsInstance(via["1.5"], weibao.Unit)
        self.assertEqual(via["1.5"].name, "各成员单位")
        self.assertIn("V1", via)
        kinds = [item.kind for item, _ in police.responsibilities]
        self.assertEqual(kinds, sorted(kinds))  # standards, then veto items

    def test_objects_come_from_a_rubric(self):
        with self.assertRaises(TypeError):
            weibao.Rubric()
        with self.assertRaises(TypeError):
            weibao.Item()


class LoadTest(unittest.TestCase):
    def test_load_path_and_str(self):
        for path in (rubric_xml_path(), str(rubric_xml_path())):
            r = weibao.Rubric.load(path)
            self.assertEqual(len(r), 67)
            self.assertEqual(r.total_points, Decimal("100"))
            self.assertTrue(r.origin.endswith("rubric.xml"))
            self.assertEqual(r["2.3"].line, weibao.Rubric.default()["2.3"].line)

    def test_from_string_str_and_bytes(self):
        text = rubric_xml()
        r = weibao.Rubric.from_string(text, name="县细则.xml")
        self.assertEqual(r.origin, "县细则.xml")
        self.assertEqual(len(r), 67)
        r = weibao.Rubric.from_string(text.encode("utf-8"))
        self.assertEqual(r.origin, "<buffer>")
        self.assertEqual(r.unit("市交通局").name, "市交通运输局")

    def test_half_points(self):
        r = weibao.Rubric.load(minimal_xml_path())
        self.assertEqual(r["1.2"].points, Decimal("1.5"))
        self.assertEqual(r.total_points, Decimal("5.5"))
        self.assertEqual(r.categories[0].points, Decimal("3.5"))


class VersionTest(unittest.TestCase):
    def test_version(self):
        self.assertRegex(weibao.__version__, r"^\d+\.\d+\.\d+$")
        self.assertEqual(weibao.version(), weibao.__version__)
        self.assertEqual(".".join(map(str, weibao.version_info)), weibao.__version__)


if __name__ == "__main__":
    unittest.main()
