"""Shared by the Python tests: where the source tree's data files are.

ctest sets WB_SOURCE_DIR to the project's source directory.
"""

import os
import pathlib
import unittest


def source_dir():
    value = os.environ.get("WB_SOURCE_DIR")
    if not value:
        raise unittest.SkipTest("WB_SOURCE_DIR is not set (run through ctest)")
    return pathlib.Path(value)


def rubric_xml_path():
    return source_dir() / "data" / "rubric.xml"


def rubric_xml():
    """The default edition's XML, as text."""
    return rubric_xml_path().read_text(encoding="utf-8")


def minimal_xml_path():
    return source_dir() / "tests" / "data" / "valid" / "minimal" / "input.xml"


def synthetic_calendar_path():
    """A made-up two-year calendar (2030–2031) with an amendment."""
    return source_dir() / "tests" / "data" / "valid" / "calendar-synthetic" / "input.xml"


def notice_text(year):
    """A State Council holiday notice as published, as text."""
    path = source_dir() / "tests" / "data" / "notices" / f"{year}.txt"
    return path.read_text(encoding="utf-8")


def line_of(text, needle):
    """The 1-based line of the first occurrence of needle in text."""
    index = text.index(needle)
    return text.count("\n", 0, index) + 1
