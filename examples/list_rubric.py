#!/usr/bin/env python3
"""list_rubric.py - open the rubric built into libweibao and print it.

    python3 list_rubric.py [RUBRIC.xml]

The Python counterpart of list_rubric.c; needs the installed weibao package.
"""

import sys

import weibao


def main(argv):
    try:
        rubric = weibao.Rubric.load(argv[1]) if len(argv) > 1 else weibao.Rubric.default()
    except weibao.Error as e:
        # str(e) reads "file:line:column: message [rule]".
        print(e, file=sys.stderr)
        return 1

    print(f"{rubric.title} ({rubric.edition}, weibao {weibao.__version__})")
    for category in rubric.categories:
        print(f"{category.id} {category.name}: {len(category)} standards, "
              f"{category.points} points")
    print(f"standards: {len(rubric)}")
    print(f"veto items: {len(rubric.vetoes)}")
    print(f"total points: {rubric.total_points}")

    # What one unit answers for: the standards that name it, and those
    # that name a group it belongs to (各成员单位).
    print("\n市公安局:")
    for item in rubric.standards_for_unit("市公安局"):
        print(f"  {item.id} {item.category.name} · {item.topic} ({item.points} points)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
