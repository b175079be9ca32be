"""Ownership: a view keeps its rubric alive; a rubric is freed once, when
nothing refers to it any more."""

import gc
import unittest
import weakref

import weibao

from support import rubric_xml


class RubricLifetimeTest(unittest.TestCase):
    def test_item_outlives_dropped_rubric(self):
        rubric = weibao.Rubric.default()
        item = rubric["2.5"]
        del rubric
        gc.collect()
        self.assertIn("审核势头", item.text)
        self.assertEqual(item.category.name, "工作机制")
        self.assertEqual(item.units[0].name, "市未保办")
        self.assertEqual(len(item.rubric), 67)

    def test_loaded_rubric_views_outlive_it(self):
        rubric = weibao.Rubric.from_string(rubric_xml())
        unit = rubric.unit("市交通局")
        category = rubric.categories[8]
        topic = category.topics[0]
        it = iter(rubric)
        del rubric
        gc.collect()
        self.assertEqual(unit.name, "市交通运输局")
        self.assertTrue(unit.responsibilities)
        self.assertEqual(len(category), 9)
        self.assertTrue(topic.name)
        self.assertEqual(next(it).id, "1.1")

    def test_rubric_is_freed_once_when_unreferenced(self):
        rubric = weibao.Rubric.default()
        finalizer = rubric._free
        ref = weakref.ref(rubric)
        item = rubric["1.1"]
        del rubric
        gc.collect()
        self.assertIsNotNone(ref(), "the item must keep the rubric")
        self.assertTrue(finalizer.alive)
        del item
        gc.collect()
        self.assertIsNone(ref())
        self.assertFalse(finalizer.alive)
        self.assertIsNone(finalizer())  # a second call frees nothing

    def test_many_rubrics(self):
        items = []
        for _ in range(200):
            items.append(weibao.Rubric.default()["V8"])
        gc.collect()
        self.assertTrue(all(i.text == items[0].text for i in items))


class DiagnosticsLifetimeTest(unittest.TestCase):
    def test_diagnostic_outlives_its_list(self):
        broken = rubric_xml().replace('total="100"', 'total="99"', 1)
        found = weibao.check_rubric_string(broken)
        d = found[0]
        del found
        gc.collect()
        self.assertEqual(d.rule, "rubric-total-mismatch")
        self.assertIn("99", d.message)
        owner = d._owner
        ref = weakref.ref(owner)
        finalizer = owner._free
        del owner, d
        gc.collect()
        self.assertIsNone(ref())
        self.assertFalse(finalizer.alive)


if __name__ == "__main__":
    unittest.main()
