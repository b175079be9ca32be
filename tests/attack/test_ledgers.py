"""Attacks on ledger reading: files that claim to be ledgers but cannot be
read, bytes that are not UTF-8, old line ends, and keys used again across
files. A ledger that cannot be read is an error (exit 1) at the place of
what is wrong, never a quiet warning and never a guess that loses it."""

import unittest

from support import AttackCase, PHONE

AS_OF = ("--as-of", "2026-11-30", "--lang", "en")

HEADER = "编号,单位,人员类别,入职日期,查询日期,查询结果,备注\n"
# Row 3 is a late query; the phone number in row 2's note is masked.
ROWS = ("BC-1,实验小学,新入职,2026-03-01,2026-02-20,无,联系 " + PHONE + "\n"
        "BC-2,实验小学,新入职,2026-03-01,2026-03-05,无,\n"
        "BC-3,实验小学,在职,,2026-02-30,无,\n")
LEDGER = (HEADER + ROWS).encode("utf-8")


class UnreadableLedgers(AttackCase):
    """A file that claims to be a ledger (.csv or .xml, or a ledger's root
    element) is read as one: what cannot be read is an error."""

    def test_nul_byte_in_a_csv_ledger_is_an_error_where_it_is(self):
        data = LEDGER.replace(b"BC-2,", b"BC\x00-2,")
        p = self.write("nul.csv", data)
        r = self.lint("check", *AS_OF, p, expect=1)
        self.assertIn(p + ":3:3: error: NUL byte in the text", r.out)
        self.assertIn("[ledger-malformed]", r.out)
        self.assertNotIn("file-binary", r.out)
        self.assertNothingWhole(r.text)

    def test_nul_byte_in_a_ledger_inside_a_folder(self):
        self.write("county/nul.csv", LEDGER.replace(b"BC-3,", b"BC-3\x00,"))
        self.write("county/book.xlsx", b"PK\x03\x04\x00\x00binary")
        r = self.lint("check", *AS_OF, self.path("county"), expect=1)
        self.assertIn(self.path("county/nul.csv") + ":4:5: error: NUL byte", r.out)
        # A binary file that claims nothing stays a warning.
        self.assertIn(self.path("county/book.xlsx") + ": warning: ", r.out)
        self.assertIn("[file-binary]", r.out)
        self.assertNothingWhole(r.text)

    def test_nul_byte_in_an_xml_ledger_of_any_name(self):
        xml = (b'<background-checks xmlns="urn:weibao:ledger:1" format="1">\n'
               b'  <record key="A\x00"/>\n</background-checks>\n')
        for name in ("nul.xml", "nul.dat"):
            p = self.write(name, xml)
            r = self.lint("check", *AS_OF, p, expect=1)
            self.assertIn(p + ":2:17: error: Char 0x0 out of allowed range [xml-malformed]", r.out)

    def test_empty_xml_is_an_error(self):
        p = self.write("empty.xml", b"")
        r = self.lint("check", *AS_OF, p, expect=1)
        self.assertEqual(r.out, p + ":1:1: error: Document is empty [xml-malformed]\n")

    def test_bom_only_xml_is_an_error(self):
        p = self.write("bom.xml", b"\xef\xbb\xbf")
        r = self.lint("check", *AS_OF, p, expect=1)
        self.assertEqual(r.out, p + ":1:1: error: Document is empty [xml-malformed]\n")

    def test_xml_that_is_not_xml_is_an_error(self):
        p = self.write("text.XML", "hello\n")
        r = self.lint("check", *AS_OF, p, expect=1)
        self.assertIn(p + ":1:1: error: Start tag expected", r.out)

    def test_empty_and_bom_only_csv_are_errors(self):
        for name, data in (("empty.csv", b""), ("bom.csv", b"\xef\xbb\xbf")):
            p = self.write(name, data)
            r = self.lint("check", *AS_OF, p, expect=1)
            self.assertEqual(r.out, p + ":1:1: error: the file is empty: a ledger starts "
                             "with its header row [ledger-kind]\n")


class BytesThatAreNotUtf8(AttackCase):
    """A UTF-8 ledger with a bad byte is a UTF-8 ledger with a bad byte,
    reported where it is, wherever it is: not a GB18030 file whose header
    then matches nothing."""

    def test_one_0xff_on_row_2(self):
        bad = "联".encode() + b"\xff" + "系".encode()
        p = self.write("ff.csv", LEDGER.replace("联系".encode(), bad))
        r = self.lint("check", *AS_OF, p, expect=1)
        self.assertEqual(r.out, p + ":2:40: error: invalid UTF-8 (0xFF) in a file read as "
                         "UTF-8 [ledger-malformed]\n")
        self.assertNotIn("ledger-kind", r.out)
        self.assertNothingWhole(r.text)

    def test_last_character_cut_short(self):
        data = LEDGER + "BC-4,第二中学".encode()[:-2]
        p = self.write("cut.csv", data)
        r = self.lint("check", *AS_OF, p, expect=1)
        # The rows before it are read and checked; the cut is placed exactly.
        self.assertIn(p + ":3:1: error: BC-2: ", r.out)
        self.assertIn(p + ":5:9: error: the input ends inside a UTF-8 character "
                      "[ledger-malformed]", r.out)
        self.assertNotIn("ledger-kind", r.out)
        self.assertNothingWhole(r.text)

    def test_a_score_sheet_with_a_bad_byte_keeps_its_scores(self):
        sheet = ("考核标准,得分,申报单位,佐证材料,备注\n"
                 "2.3,2,市未保办,,\n"
                 "3.2,1.5,市妇联,,部分季度").encode() + b"\xff" + "未开展\n".encode()
        p = self.write("scores.csv", sheet)
        r = self.lint("check", *AS_OF, p, expect=1)
        self.assertIn(p + ":3:18: error: invalid UTF-8 (0xFF)", r.out)
        self.assertNotIn("ledger-kind", r.out)

    def test_gb18030_ledger_is_still_read_as_gb18030(self):
        p = self.write("gb.csv", LEDGER.decode().encode("gb18030"))
        r = self.lint("check", *AS_OF, p, expect=1)
        self.assertIn(p + ":3:1: error: BC-2: ", r.out)
        self.assertIn(p + ":2:42: warning: column note", r.out)
        self.assertNothingWhole(r.text)


class LineEnds(AttackCase):
    """CR, LF and CRLF all end lines, with the same line numbers."""

    def test_cr_only_csv_reads_as_lf(self):
        lf = self.write("lf.csv", LEDGER)
        cr = self.write("cr.csv", LEDGER.replace(b"\n", b"\r"))
        crlf = self.write("crlf.csv", LEDGER.replace(b"\n", b"\r\n"))
        want = self.lint("check", *AS_OF, lf, expect=1).out.replace(lf, "FILE")
        self.assertIn("FILE:3:1: error: BC-2: ", want)
        self.assertIn("FILE:4:1: error: column query-date", want)
        self.assertIn("FILE:2:42: warning: column note (备注): mobile phone number", want)
        for p in (cr, crlf):
            r = self.lint("check", *AS_OF, p, expect=1)
            self.assertEqual(r.out.replace(p, "FILE"), want)
            self.assertNotIn("ledger-unknown-column", r.out)
            self.assertNothingWhole(r.text)


class DuplicateKeys(AttackCase):
    """A key used again names the file it was first in."""

    def test_duplicate_keys_across_two_files(self):
        a = self.write("a.csv", LEDGER)
        b = self.write("b.csv", HEADER + "BC-2,实验小学,新入职,2026-03-01,2026-02-20,无,\n")
        r = self.lint("check", *AS_OF, a, b, expect=1)
        self.assertIn(b + ":2:1: error: the key 'BC-2' is used again (first in " + a +
                      ", line 3); this row is not checked [ledger-duplicate-key]", r.out)
        self.assertNothingWhole(r.text)

    def test_the_other_file_is_named_masked(self):
        # A file named after a child's identity number (valid check
        # character): the message naming it masks the number. (The file
        # field of the file's own findings is the output's business.)
        child = "110105201503071235"
        a = self.write(child + ".csv", LEDGER)
        b = self.write("b.csv", HEADER + "BC-2,实验小学,新入职,2026-03-01,2026-02-20,无,\n")
        r = self.lint("check", *AS_OF, a, b, expect=1)
        dup = [l for l in r.out.splitlines() if l.startswith(b + ":")]
        self.assertEqual(len(dup), 1, r.out)
        self.assertIn("(first in ", dup[0])
        self.assertIn("110105********1235.csv, line 3)", dup[0])
        self.assertNothingWhole(dup[0], child)

    def test_duplicate_key_in_the_same_file(self):
        a = self.write("a.csv", LEDGER + "BC-1,实验小学,在职,,2026-02-20,无,\n".encode())
        r = self.lint("check", *AS_OF, a, expect=1)
        self.assertIn(a + ":5:1: error: the key 'BC-1' is used again (first on line 2); "
                      "this row is not checked [ledger-duplicate-key]", r.out)


class LongLines(AttackCase):
    """An XML ledger on one line of 300 KB: findings far along it keep
    their exact column, and the planted number is masked."""

    def test_columns_past_what_the_parser_holds(self):
        recs = "".join('<record key="K%d" unit="单位%d"%s/>'
                       % (i, i, ' colour="x"' if i == 7000 else "") for i in range(8000))
        xml = ('<background-checks xmlns="urn:weibao:ledger:1" format="1">' + recs +
               '<record key="Z" unit="电话 ' + PHONE + '"/></background-checks>\n')
        p = self.write("long.xml", xml)
        r = self.lint("check", *AS_OF, "--select", "schema-invalid,privacy-phone", p, expect=1)
        schema = xml.index('<record key="K7000"') + 1
        phone = xml.index(PHONE) + 1
        self.assertEqual(r.out,
                         "%s:1:%d: error: Element 'record', attribute 'colour': The attribute "
                         "'colour' is not allowed. [schema-invalid]\n"
                         "%s:1:%d: warning: column unit (单位): mobile phone number 138****5678 "
                         "in free text [privacy-phone]\n" % (p, schema, p, phone))
        self.assertNothingWhole(r.text)


if __name__ == "__main__":
    unittest.main()
